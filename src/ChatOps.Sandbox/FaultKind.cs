namespace ChatOps.Sandbox;

/// <summary>The transport fault drawn for one request.</summary>
public enum FaultKind
{
    /// <summary>Serve the request normally.</summary>
    None,

    /// <summary>Answer 429 with Retry-After.</summary>
    RateLimited,

    /// <summary>Answer the emulator's 500 body.</summary>
    ServerError,
}
