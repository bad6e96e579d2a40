using System.CommandLine;
using System.Text.Json;
using ChatOps.Cli.Hosting;
using ChatOps.Core.Storage;
using ChatOps.Executors.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops runs`: the runs the bot is following or has followed, newest first, from the bot's store.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "SQLite file (default Storage:Sqlite)" };
        var count = new Option<int>("--count", "-n") { Description = "How many runs to show", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "One JSON object per run instead of a table" };
        var command = new Command("runs", "List the runs the bot started and where each one is") { database, count, json };
        command.SetAction(async (result, ct) =>
        {
            await using var services = await StoreAccess.OpenAsync("runs", result.GetValue(database), ct);
            if (services is null) return 2;
            var runs = await services.GetRequiredService<IRunStore>().ListRecentAsync(Math.Max(1, result.GetValue(count)), ct);
            if (result.GetValue(json))
            {
                foreach (var run in runs)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = run.Id, backend = run.Backend, backendRunId = run.BackendRunId, summary = run.Summary, status = run.Status.ToString().ToLowerInvariant(),
                        requestedBy = run.RequestedBy, webUrl = run.WebUrl, createdAt = run.CreatedAt, updatedAt = run.UpdatedAt,
                    }));
                }
            }
            else
            {
                Console.Out.WriteLine(RunList.Render(runs, TimeProvider.System.GetUtcNow()).Replace("```", "", StringComparison.Ordinal).Trim());
            }

            return 0;
        });
        return command;
    }
}
