namespace ChatOps.Adapters.Slack.Api;

/// <summary>The envelope of every Web API answer (§6.1): <c>ok</c>, and <c>error</c> or <c>warning</c>; failures arrive with HTTP 200.</summary>
public record SlackResponse
{
    /// <summary>True when the call succeeded.</summary>
    public bool Ok { get; init; }

    /// <summary>The error code when <see cref="Ok"/> is false (e.g. <c>channel_not_found</c>).</summary>
    public string? Error { get; init; }

    /// <summary>Non-fatal warnings, comma-separated.</summary>
    public string? Warning { get; init; }

    /// <summary>Throws <see cref="SlackApiException"/> when the answer is <c>ok:false</c>.</summary>
    public void EnsureOk(string method)
    {
        if (!Ok)
        {
            throw new SlackApiException(method, Error ?? "unknown_error");
        }
    }
}
