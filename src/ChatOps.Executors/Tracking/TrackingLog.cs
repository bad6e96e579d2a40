using ChatOps.Core.Execution;
using Microsoft.Extensions.Logging;

namespace ChatOps.Executors.Tracking;

/// <summary>The tracker's log lines, source-generated so a thousand hooks a second cost no formatting when the level is off.</summary>
internal static partial class TrackingLog
{
    [LoggerMessage(1, LogLevel.Information, "Tracking run {RunId} ({Backend} {BackendRunId})")]
    public static partial void Tracked(ILogger logger, string runId, string backend, string backendRunId);

    [LoggerMessage(2, LogLevel.Debug, "Ignored {Status} from {Source} for {Backend} run {BackendRunId}: the bot does not track it")]
    public static partial void UnknownRun(ILogger logger, string backend, string backendRunId, RunStatus status, string source);

    [LoggerMessage(3, LogLevel.Debug, "Run {RunId} stays {Current}: {Source} reported {Reported}, which would move it backwards")]
    public static partial void Stale(ILogger logger, string runId, RunStatus current, RunStatus reported, string source);

    [LoggerMessage(4, LogLevel.Warning, "Run {RunId}: gave up storing {Status} after repeated version conflicts; the poller will repair it")]
    public static partial void Conflict(ILogger logger, string runId, RunStatus status);

    [LoggerMessage(5, LogLevel.Warning, "Run {RunId}: could not read why it failed")]
    public static partial void NoFailureDetail(ILogger logger, Exception exception, string runId);

    [LoggerMessage(6, LogLevel.Warning, "Run {RunId}: could not show {Status} in chat")]
    public static partial void ChatFailed(ILogger logger, Exception exception, string runId, RunStatus status);

    [LoggerMessage(7, LogLevel.Warning, "Refused a {Kind} hook from {Remote}: {Reason}")]
    public static partial void HookRefused(ILogger logger, string kind, string? remote, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Polling {Backend} run {RunId} failed; next try in {Wait}")]
    public static partial void PollFailed(ILogger logger, Exception exception, string backend, string runId, TimeSpan wait);

    [LoggerMessage(9, LogLevel.Error, "Applying an update for {Backend} run {BackendRunId} failed")]
    public static partial void ApplyFailed(ILogger logger, Exception exception, string backend, string backendRunId);

    [LoggerMessage(10, LogLevel.Information, "Resumed {Count} runs in flight")]
    public static partial void Resumed(ILogger logger, int count);

    [LoggerMessage(11, LogLevel.Warning, "A polling round failed; the next tick tries again")]
    public static partial void PollTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "Run started but could not be tracked: {Backend} {BackendRunId}")]
    public static partial void TrackFailed(ILogger logger, Exception exception, string backend, string backendRunId);

    [LoggerMessage(13, LogLevel.Information, "Run {RunId} had no message in chat (its process died before attaching it): {How}")]
    public static partial void Reannounced(ILogger logger, string runId, string how);
}
