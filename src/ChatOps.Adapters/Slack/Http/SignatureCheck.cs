namespace ChatOps.Adapters.Slack.Http;

/// <summary>The outcome of checking a request's signature (contract §3).</summary>
public enum SignatureCheck
{
    /// <summary>Signed with our secret within the window.</summary>
    Valid,

    /// <summary>A header is missing or the timestamp is not a number.</summary>
    Missing,

    /// <summary>The timestamp is more than five minutes away from now (a replay).</summary>
    Stale,

    /// <summary>The signature does not match the body.</summary>
    Mismatch,
}
