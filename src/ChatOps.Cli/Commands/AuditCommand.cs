using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChatOps.Cli.Hosting;
using ChatOps.Core.Audit;
using ChatOps.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops audit [filters] [--json] [--verify]`: the audit trail of the bot's database, newest first, or a check of its hash chain.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--db") { Description = "SQLite file (default: the configured store, Storage:Provider)" };
        var user = new Option<string?>("--user") { Description = "Only rows by this chat user id" };
        var service = new Option<string?>("--service") { Description = "Only rows about this service" };
        var environment = new Option<string?>("--env") { Description = "Only rows about this environment" };
        var intent = new Option<string?>("--intent") { Description = "Only rows about this intent (deploy, k8s.restart …)" };
        var kind = new Option<string?>("--kind") { Description = "Only rows of this kind: " + string.Join(", ", AuditKinds.All) };
        var since = new Option<string?>("--since") { Description = "today, yesterday, 90m, 2h, 7d or an ISO date/time" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "One JSON object per line" };
        var verify = new Option<bool>("--verify") { Description = "Walk the whole hash chain and say whether any row was changed, removed or reordered" };
        var command = new Command("audit", "Show the audit trail: who asked, what was decided, what ran") { database, user, service, environment, intent, kind, since, limit, json, verify };
        command.SetAction(async (result, ct) =>
        {
            await using var services = await StoreAccess.OpenAsync("audit", result.GetValue(database), ct);
            if (services is null) return 2;
            var log = services.GetRequiredService<IAuditLog>();
            if (result.GetValue(verify))
            {
                var check = await log.VerifyAsync(ct);
                Console.Out.WriteLine($"audit trail {check}");
                return check.Intact ? 0 : 1;
            }

            var sinceText = result.GetValue(since);
            var from = AuditSince.Parse(sinceText, DateTimeOffset.UtcNow);
            if (sinceText is not null && from is null)
            {
                Console.Error.WriteLine($"chatops audit: --since '{sinceText}' is not today, yesterday, 90m, 2h, 7d or a date");
                return 2;
            }

            var filter = new AuditFilter
            {
                Actor = result.GetValue(user), Service = result.GetValue(service), Environment = result.GetValue(environment),
                Intent = result.GetValue(intent), Kind = result.GetValue(kind), Since = from, Limit = result.GetValue(limit),
            };
            foreach (var row in await log.QueryAsync(filter, ct)) Console.Out.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(row, Json) : Line(row));
            return 0;
        });
        return command;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>"#12 2026-12-02 14:03:11 alice decision deploy checkout → prod @ main: allowed (grant: deployer …)".</summary>
    internal static string Line(AuditEntry row)
    {
        var e = row.Event;
        var target = string.Join(' ', new[] { e.Intent, e.Service, e.Environment is null ? null : "→ " + e.Environment, e.Ref is null ? null : "@ " + e.Ref }.Where(p => p is not null));
        var rule = e.Rule is null ? "" : $" ({e.Rule})";
        var detail = e.Detail is null ? "" : $" · {e.Detail.ReplaceLineEndings(" ")}";
        return $"#{row.Sequence} {row.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {e.Actor} {e.Kind} {target}: {e.Outcome}{rule}{detail}";
    }
}
