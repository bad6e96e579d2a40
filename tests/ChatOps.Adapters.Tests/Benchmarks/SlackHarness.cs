using System.Diagnostics;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Sandbox.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Tests.Benchmarks;

/// <summary>Issue 6's latency figures on loopback, per transport: event sent → ack received, and event sent → first reply posted.</summary>
/// <param name="Mode">socket or http.</param>
/// <param name="Events">Events measured (after the warm-up).</param>
/// <param name="AckP50Ms">Median event → ack, in ms.</param>
/// <param name="AckP99Ms">99th percentile event → ack, in ms.</param>
/// <param name="ReplyP50Ms">Median event → first chat.postMessage at the emulator, in ms.</param>
/// <param name="ReplyP99Ms">99th percentile event → first chat.postMessage, in ms.</param>
public sealed record SlackFigures(string Mode, int Events, double AckP50Ms, double AckP99Ms, double ReplyP50Ms, double ReplyP99Ms);

/// <summary>
/// Drives the real adapter (AddSlack + MapSlack) against the Slack emulator with a trivial handler, one event at a time, each in its own
/// channel so the outbound pacing never delays a first reply. A harness for tests/ChatOps.Benchmarks, not a timed test.
/// </summary>
public static class SlackHarness
{
    public static async Task<IReadOnlyList<SlackFigures>> RunAsync(int events = 500, int warmup = 50)
    {
        var figures = new List<SlackFigures>();
        foreach (var mode in new[] { SlackMode.Socket, SlackMode.Http })
        {
            figures.Add(await MeasureAsync(mode, events, warmup).ConfigureAwait(false));
        }

        return figures;
    }

    private static async Task<SlackFigures> MeasureAsync(SlackMode mode, int events, int warmup)
    {
        // why: as in `chatops serve`, every delivery is written to the inbox store (a SQLite file) before it is acknowledged
        var file = Path.Combine(Directory.CreateTempSubdirectory("chatops-bench-slack").FullName, "inbox.db");
        using var database = new ChatOps.Storage.Sqlite.SqliteDatabase(file, TimeProvider.System);
        await using var world = await SlackWorld.StartAsync(mode, services: s =>
            s.AddSingleton<ChatOps.Core.Storage.IInboxStore>(new ChatOps.Storage.Stores.SqlInboxStore(database, TimeProvider.System))).ConfigureAwait(false);
        var acks = new List<double>();
        var replies = new List<double>();
        for (var i = 0; i < warmup + events; i++)
        {
            var channel = $"C0BENCH{i}";
            var delivery = await world.Alice.MentionAsync(channel, $"echo {i}").ConfigureAwait(false);
            await delivery.Acknowledged.ConfigureAwait(false);
            var reply = await world.Slack.WaitForCallAsync(c => c.Method == "chat.postMessage" && c.Arg("channel") == channel).ConfigureAwait(false);
            if (i < warmup) continue;
            acks.Add(delivery.AckLatency!.Value.TotalMilliseconds);
            replies.Add(Stopwatch.GetElapsedTime(delivery.SentAt, reply.Timestamp).TotalMilliseconds);
        }

        return new SlackFigures(mode.ToString().ToLowerInvariant(), events, Percentile(acks, 0.50), Percentile(acks, 0.99), Percentile(replies, 0.50), Percentile(replies, 0.99));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
