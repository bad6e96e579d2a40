namespace ChatOps.Adapters.Api;

/// <summary>The command API's settings, bound from the "Api" section and validated at start.</summary>
public sealed class ApiOptions
{
    /// <summary>The bearer tokens that may call the API; with none, every call is refused.</summary>
    public List<ApiToken> Tokens { get; set; } = [];

    /// <summary>Requests with a larger body are refused with 413 before they are read.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;
}
