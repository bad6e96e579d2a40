using ChatOps.Executors.Resilience;

namespace ChatOps.Executors.Zadig;

/// <summary>Where the bot's Zadig is and how it signs in (section <c>Zadig</c>); no BaseUrl means no workflow intents.</summary>
public sealed class ZadigOptions
{
    /// <summary>The Zadig portal address, e.g. <c>https://zadig.example.com</c>; OpenAPI paths start below it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The API token of the bot's Zadig user, sent as <c>Authorization: Bearer</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>Where Zadig POSTs product-workflow results (zadig.md §6.2) when a binding sets <c>callback: true</c>.</summary>
    public Uri? CallbackUrl { get; set; }

    /// <summary>The path prefix of the product-workflow API (§6.1): <c>api/directory</c> or <c>public-api/v1</c>.</summary>
    public string LegacyPrefix { get; set; } = "api/directory";

    /// <summary>A workflow parameter (type string) that every bound workflow declares, to carry the request key; null when none.</summary>
    public string? RequestParameter { get; set; }

    /// <summary>Timeouts, retries and circuit breaker.</summary>
    public BackendResilienceOptions Resilience { get; set; } = new();

    /// <summary>True when a Zadig is configured.</summary>
    public bool IsConfigured => BaseUrl is not null;
}
