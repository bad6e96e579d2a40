using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack;

/// <summary>The Slack adapter's log messages.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(1, LogLevel.Warning, "Slack {Method} rate limited; waiting {RetryAfter} before sending it again")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(2, LogLevel.Warning, "Slack {Method} failed in transit (attempt {Attempt}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception exception, string method, int attempt, TimeSpan delay);

    [LoggerMessage(3, LogLevel.Information, "Socket Mode connection {Connection} is up ({Host})")]
    public static partial void Connected(ILogger logger, int connection, string? host);

    [LoggerMessage(4, LogLevel.Information, "Socket Mode connection {Connection}: Slack asked to disconnect ({Reason}); reconnecting with a fresh URL")]
    public static partial void Disconnect(ILogger logger, int connection, string reason);

    [LoggerMessage(5, LogLevel.Error, "Socket Mode connection {Connection}: Socket Mode is disabled for this app (link_disabled); retrying in {Delay}")]
    public static partial void LinkDisabled(ILogger logger, int connection, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Warning, "Socket Mode connection {Connection} failed (attempt {Failures}); reconnecting in {Delay}")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, int connection, int failures, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "Handling a Slack {Kind} failed")]
    public static partial void HandlingFailed(ILogger logger, Exception exception, string kind);

    [LoggerMessage(8, LogLevel.Warning, "Refused a Slack request to {Path}: signature {Check}")]
    public static partial void Refused(ILogger logger, string path, string check);

    [LoggerMessage(9, LogLevel.Warning, "Could not post a reply to {Channel}")]
    public static partial void PostFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(10, LogLevel.Warning, "Could not tell the run tracker where run {RunId} was posted")]
    public static partial void RunNoticeFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(11, LogLevel.Warning, "Could not attach {Filename} as a file (the {Step} step failed); showing its last lines instead")]
    public static partial void UploadFailed(ILogger logger, Exception exception, string filename, string step);

    [LoggerMessage(12, LogLevel.Warning, "Could not search the thread for the message of run {RunId}; a new one is posted instead")]
    public static partial void RunSearchFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(13, LogLevel.Warning, "Could not keep Slack delivery {Id} in the inbox store; it is handled, but a crash now would lose it")]
    public static partial void InboxKeepFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(17, LogLevel.Warning, "Could not take handled Slack delivery {Id} out of the inbox store; if it is handed over again, its conversation drops it")]
    public static partial void InboxDoneFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(14, LogLevel.Warning, "Handing over {Count} Slack deliveries that a stopped process had accepted but not handled")]
    public static partial void InboxRedelivering(ILogger logger, int count);

    [LoggerMessage(15, LogLevel.Warning, "Gave up Slack delivery {Id} after {Attempts} hand-overs")]
    public static partial void InboxGaveUp(ILogger logger, string id, int attempts);

    [LoggerMessage(16, LogLevel.Warning, "The inbox store failed; deliveries left by stopped processes are looked for again at the next tick")]
    public static partial void InboxRecoveryFailed(ILogger logger, Exception exception);
}
