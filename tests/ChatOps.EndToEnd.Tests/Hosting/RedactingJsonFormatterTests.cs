using ChatOps.Cli.Hosting;
using ChatOps.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ChatOps.EndToEnd.Tests.Hosting;

/// <summary>The serve host's log format: the stock JSON lines, with secrets masked wherever they appear.</summary>
public class RedactingJsonFormatterTests
{
    private const string Secret = "configured-hook-secret-4711";

    [Fact]
    public void A_secret_in_the_message_a_scope_or_an_exception_never_reaches_the_log_line()
    {
        using var services = new ServiceCollection().AddLogging(b => b.AddJsonConsole(o => o.IncludeScopes = true)).BuildServiceProvider();
        var formatter = new RedactingJsonFormatter(services, new SecretRedactor([Secret]));
        var scopes = new LoggerExternalScopeProvider();
        using var scope = scopes.Push($"token={Secret}");
        var error = new InvalidOperationException("GitLab said 401 for PRIVATE-TOKEN glpat-abcdefghijklmnopqrst");
        var entry = new LogEntry<string>(LogLevel.Warning, "ChatOps.Test", new EventId(7), $"hook refused: X-Gitlab-Token was {Secret}", error, (s, _) => s);

        using var output = new StringWriter();
        formatter.Write(entry, scopes, output);
        var line = output.ToString();

        Assert.Contains("\"LogLevel\":\"Warning\"", line, StringComparison.Ordinal);
        Assert.Contains("hook refused", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        Assert.DoesNotContain("glpat-abcdefghijklmnopqrst", line, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_serve_host_logs_through_the_redacting_format()
    {
        await using var host = await Serve.ServeHost.StartAsync();
        var options = host.Bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        Assert.Equal(RedactingJsonFormatter.FormatterName, options.FormatterName);
        Assert.Contains(host.Bot.Services.GetServices<ConsoleFormatter>(), f => f is RedactingJsonFormatter);
    }
}
