namespace ChatOps.Adapters.Api;

/// <summary>One bearer token of the command API and the identity it speaks as (docs/policy.md, "Command API").</summary>
public sealed class ApiToken
{
    /// <summary>A label for logs and the audit trail (never the token): "release-pipeline".</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret itself; set it from the environment (CHATOPS__Api__Tokens__0__Token), never in a committed file.</summary>
    public string Token { get; set; } = "";

    /// <summary>The user id the policy sees for requests with this token, e.g. "api:release-pipeline".</summary>
    public string User { get; set; } = "";
}
