using System.CommandLine;
using ChatOps.Cli.Hosting;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops serve`: the bot as a service (Slack, the GitLab/Zadig hooks, health and metrics) until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
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
            if (result.GetValue(database) is { } db) overrides["Storage:Sqlite"] = Path.GetFullPath(db);
            await using var bot = await ConsoleCommand.StartOrExplainAsync(BotSurface.Serve, overrides, ct);
            if (bot is null) return 2;
            Console.Out.WriteLine($"chatops: serving on {bot.Address} (/healthz, /readyz, /hooks/gitlab, /hooks/zadig)" +
                (bot.Sandbox is null ? "" : "; sandbox backends" + (bot.Slack is null ? "" : $" and a Slack emulator at {bot.Slack.BaseAddress}")));
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
}
