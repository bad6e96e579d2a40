using ChatOps.Executors.Resilience;

namespace ChatOps.Executors.GitLab;

/// <summary>Where the bot's GitLab is and how it signs in (section <c>GitLab</c>); no BaseUrl means no GitLab intents.</summary>
public sealed class GitLabOptions
{
    /// <summary>The instance (<c>https://gitlab.example.com</c>) or REST base; <c>/api/v4/</c> is added when missing.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>A personal, project or group access token with the <c>api</c> scope, sent as PRIVATE-TOKEN.</summary>
    public string Token { get; set; } = "";

    /// <summary>The pipeline variable that carries the request's idempotency key, so a lost answer can be found again.</summary>
    public string RequestVariable { get; set; } = "CHATOPS_REQUEST";

    /// <summary>Trigger tokens by the name a binding gives in <c>trigger_token_env</c>; an environment variable of that name is used otherwise.</summary>
    public Dictionary<string, string> TriggerTokens { get; set; } = [];

    /// <summary>Timeouts, retries and circuit breaker.</summary>
    public BackendResilienceOptions Resilience { get; set; } = new();

    /// <summary>True when a GitLab is configured.</summary>
    public bool IsConfigured => BaseUrl is not null;

    /// <summary>The REST base ending in <c>/api/v4/</c>.</summary>
    public Uri ApiBase
    {
        get
        {
            var text = (BaseUrl ?? new Uri("http://gitlab.invalid/")).ToString().TrimEnd('/');
            return new Uri(text.EndsWith("/api/v4", StringComparison.Ordinal) ? text + "/" : text + "/api/v4/");
        }
    }
}
