using System.Diagnostics.Metrics;

namespace ChatOps.Core.Telemetry;

/// <summary>The bot's one <see cref="Meter"/> ("ChatOps") and its instruments; <c>/metrics</c> exports them in Prometheus form.</summary>
public static class BotMetrics
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "ChatOps";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Chat turns handled, by kind (text or button).</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("chatops.messages", "{message}", "Chat turns handled");

    /// <summary>Seconds from a turn arriving to its replies being ready.</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("chatops.turn.duration", "s", "Time to handle one chat turn",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Parsed messages by top intent.</summary>
    public static readonly Counter<long> Intents = Meter.CreateCounter<long>("chatops.intents", "{message}", "Messages by recognised intent");

    /// <summary>The top intent's confidence, by intent.</summary>
    public static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>("chatops.intent.confidence", "1", "Confidence of the top intent",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1] });

    /// <summary>Questions the bot asked (a missing detail, or "did you mean …?").</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("chatops.questions", "{question}", "Questions asked for missing details");

    /// <summary>Confirmations asked for, and answers pressed (outcome = asked, confirm, cancel, approve).</summary>
    public static readonly Counter<long> Confirmations = Meter.CreateCounter<long>("chatops.confirmations", "{confirmation}", "Confirmations asked and answered");

    /// <summary>Runs started, by backend.</summary>
    public static readonly Counter<long> RunsStarted = Meter.CreateCounter<long>("chatops.runs.started", "{run}", "Runs started, by backend");

    /// <summary>Runs that reached a terminal status, by backend and result.</summary>
    public static readonly Counter<long> RunsFinished = Meter.CreateCounter<long>("chatops.runs.finished", "{run}", "Runs finished, by backend and result");

    /// <summary>Status reports (hooks and polls) by backend and outcome (applied, duplicate, stale, unknown, conflict).</summary>
    public static readonly Counter<long> RunUpdates = Meter.CreateCounter<long>("chatops.run.updates", "{update}", "Hook and poll reports by outcome");

    /// <summary>Saved replies the sweep posted because no surface reported them posted, and ones it gave up on (outcome = reposted, given_up).</summary>
    public static readonly Counter<long> RepliesReposted = Meter.CreateCounter<long>("chatops.replies.reposted", "{reply}", "Replies posted again by the sweep");

    /// <summary>Failed backend calls, by backend and HTTP status (or the failure kind).</summary>
    public static readonly Counter<long> BackendErrors = Meter.CreateCounter<long>("chatops.backend.errors", "{error}", "Failed backend calls");
}
