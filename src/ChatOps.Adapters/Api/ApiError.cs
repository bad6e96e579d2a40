namespace ChatOps.Adapters.Api;

/// <summary>The body of every refused API call: what is wrong, in a sentence.</summary>
public sealed record ApiError(string Error);
