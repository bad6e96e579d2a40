using System.CommandLine;
using ChatOps.Adapters.Console;
using ChatOps.Cli.Hosting;
using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Language.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops console`: the chat in a terminal (what `make run` opens), on the sandbox unless real backends are configured.</summary>
internal static class ConsoleCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Who you are at the start (/as NAME switches)", DefaultValueFactory = _ => "alice" };
        var noSandbox = new Option<bool>("--no-sandbox") { Description = "Use the GitLab/Zadig/Kubernetes of the configuration instead of the sandbox" };
        var database = new Option<string?>("--db") { Description = "SQLite file for conversations (default Storage:Sqlite)" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog YAML (default Catalog:Path)" };
        var command = new Command("console", "Chat with the bot in this terminal") { user, noSandbox, database, catalog };
        command.SetAction(async (result, ct) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (result.GetValue(noSandbox)) overrides["Sandbox:Enabled"] = "false";
            if (result.GetValue(database) is { } db) (overrides["Storage:Provider"], overrides["Storage:Sqlite"]) = ("sqlite", Path.GetFullPath(db));
            if (result.GetValue(catalog) is { } c) overrides["Catalog:Path"] = Path.GetFullPath(c);
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected) console.Profile.Width = 4000;
            await using var bot = await StartOrExplainAsync(BotSurface.Console, overrides, ct, console);
            if (bot is null) return 2;
            var banner = bot.Sandbox is { } s
                ? $"sandbox: GitLab {s.GitLabUrl} · Zadig {s.ZadigUrl} · Kubernetes {s.KubernetesUrl} (emulated; nothing real is touched); hooks → {bot.Address}"
                : $"connected to the configured backends; hooks → {bot.Address}";
            var options = new ConsoleOptions
            {
                User = result.GetValue(user)!,
                Banner = banner,
                RunWaitTimeout = bot.Services.GetRequiredService<IConfiguration>().GetValue("Console:RunWaitTimeout", TimeSpan.FromMinutes(2)),
            };
            var adapter = new ConsoleChatAdapter(bot.Services.GetRequiredService<ITurnHandler>(), console, Console.In, options, bot.Services.GetRequiredService<ConsoleMessages>());
            await adapter.RunAsync(ct);
            return 0;
        });
        return command;
    }

    /// <summary>Starts the services, or prints what is wrong (bad catalog or policy, missing model, invalid options) and returns null.</summary>
    internal static async Task<BotHost?> StartOrExplainAsync(BotSurface surface, Dictionary<string, string?> overrides, CancellationToken ct, IAnsiConsole? console = null)
    {
        try
        {
            return await BotHost.StartAsync(surface, overrides, ct, console);
        }
        catch (Exception ex) when (ex is CatalogException or Dialog.Policy.PolicyException or ModelCardException or OptionsValidationException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"chatops: {ex.Message}");
            return null;
        }
    }
}
