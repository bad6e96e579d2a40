namespace ChatOps.Sandbox;

/// <summary>The credentials each emulator accepts and the secrets it sends with its outgoing hooks.</summary>
public sealed record SandboxTokens
{
    /// <summary>A GitLab personal access token with the api scope (PRIVATE-TOKEN or Bearer).</summary>
    public string GitLabToken { get; init; } = "glpat-sandbox-api-0000000001";

    /// <summary>A GitLab token with only read_api: reads pass, writes get 403 insufficient_scope.</summary>
    public string GitLabReadOnlyToken { get; init; } = "glpat-sandbox-read-00000002";

    /// <summary>The pipeline trigger token accepted by POST /projects/:id/trigger/pipeline for every project.</summary>
    public string GitLabTriggerToken { get; init; } = "glptt-0123456789abcdef0123456789abcdef01234567";

    /// <summary>The secret sent as X-Gitlab-Token with every GitLab webhook.</summary>
    public string GitLabHookSecret { get; init; } = "sandbox-gitlab-hook-secret";

    /// <summary>The Zadig API token (Authorization: Bearer, or ?token=).</summary>
    public string ZadigToken { get; init; } = "eyJhbGciOiJIUzI1NiJ9.c2FuZGJveC1jaGF0b3Bz.sandbox";

    /// <summary>The secret sent as X-Zadig-Token with every Zadig workflow webhook.</summary>
    public string ZadigHookSecret { get; init; } = "sandbox-zadig-hook-secret";

    /// <summary>The bearer token the Kubernetes API emulator accepts and writes into the kubeconfig.</summary>
    public string KubeToken { get; init; } = "sandbox-kube-token";
}
