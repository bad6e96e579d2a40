using ChatOps.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ChatOps.Cli.Hosting;

/// <summary>The JSON console format with every configured secret and token-shaped string masked, whatever the log line came from.</summary>
/// <remarks>Formats with the stock JSON formatter into a buffer, then redacts the whole line, so messages, scopes and exceptions are covered.</remarks>
public sealed class RedactingJsonFormatter(Func<ConsoleFormatter> json, SecretRedactor redactor) : ConsoleFormatter(FormatterName)
{
    private readonly Lazy<ConsoleFormatter> _json = new(json);

    /// <summary>Wraps the host's stock JSON formatter, found when the first line is written (it is registered beside this one).</summary>
    public RedactingJsonFormatter(IServiceProvider services, SecretRedactor redactor)
        : this(() => services.GetServices<ConsoleFormatter>().First(f => f.Name == ConsoleFormatterNames.Json), redactor)
    {
    }

    /// <summary>The formatter name to select with <c>FormatterName</c>.</summary>
    public const string FormatterName = "chatops-json";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        using var buffer = new StringWriter();
        _json.Value.Write(logEntry, scopeProvider, buffer);
        textWriter.Write(redactor.Redact(buffer.ToString()));
    }
}
