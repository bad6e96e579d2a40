using System.CommandLine;
using ChatOps.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops serve`: the bot as a service (Slack, the GitLab/Zadig hooks, health and metrics) until Ctrl+C or SIGTERM.</summary>
internal static partial class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen (default Http:Urls, http://127.0.0.1:8080)" };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Use the backends and Slack of the configuration instead of the sandbox" };
        var database = new Option<string?>("--db") { Description = "SQLite file (default Storage:Sqlite)" };
        var command = new Command("serve", "Run the bot as a service: Slack, hooks, health and metrics") { urls, noSandbox, database };
        command.SetAction(async (result, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (result.GetValue(urls) is { } u) overrides["Http:Urls"] = u;
            if (result.GetValue(noSandbox)) overrides["Sandbox:Enabled"] = "false";
            if (result.GetValue(database) is { } db) (overrides["Storage:Provider"], overrides["Storage:Sqlite"]) = ("sqlite", Path.GetFullPath(db));
            await using var bot = await ConsoleCommand.StartOrExplainAsync(BotSurface.Serve, overrides, ct);
            if (bot is null) return 2;
            var extras = bot.Sandbox is null ? "" : "; sandbox backends" + (bot.Slack is null ? "" : $" and a Slack emulator at {bot.Slack.BaseAddress}");
            // why: in a container stdout is the log stream and every line of it is JSON; a person at a terminal gets the plain banner
            if (Console.IsOutputRedirected) Serving(bot.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ChatOps.Serve"), bot.Address, extras);
            else Console.Out.WriteLine($"chatops: serving on {bot.Address} (/healthz, /readyz, /hooks/gitlab, /hooks/zadig){extras}");
            try
            {
                await bot.App.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving on {Address} (/healthz, /readyz, /hooks/gitlab, /hooks/zadig){Extras}")]
    private static partial void Serving(ILogger log, Uri address, string extras);
}
