namespace ChatOps.Adapters.Slack.Api;

/// <summary>A Web API call answered <c>ok:false</c> (§6.1); <see cref="Error"/> is Slack's error code.</summary>
public sealed class SlackApiException : Exception
{
    /// <summary>Creates the exception for a method and its error code.</summary>
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, e.g. <c>channel_not_found</c>.</summary>
    public string Error { get; }
}
