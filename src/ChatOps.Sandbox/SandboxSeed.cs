using System.Globalization;

namespace ChatOps.Sandbox;

/// <summary>The initial world of all three emulators; override any list with a <c>with</c> expression.</summary>
public sealed record SandboxSeed
{
    /// <summary>The default seed used by <c>make run</c> and most tests.</summary>
    public static SandboxSeed Default { get; } = new();

    /// <summary>Services; each is a GitLab project, a Zadig service and a Deployment per namespace.</summary>
    public IReadOnlyList<SeedService> Services { get; init; } =
    [
        new("checkout", "shop"), new("payments", "shop"), new("cart", "shop"), new("orders", "shop"),
        new("inventory", "shop"), new("users", "shop"), new("search", "shop"), new("notifications", "shop"),
        new("gateway", "platform"), new("auth", "platform"),
    ];

    /// <summary>Branches of every project; the first is the default branch.</summary>
    public IReadOnlyList<string> Branches { get; init; } =
        ["main", "develop", "feature/login", "release/1.4", "hotfix/pay-timeout"];

    /// <summary>Tags of every project.</summary>
    public IReadOnlyList<string> Tags { get; init; } = ["v1.4.1", "v1.4.2", "v2.3.0", "v2.3.1", "v1.8.0"];

    /// <summary>The Zadig project key.</summary>
    public string ZadigProject { get; init; } = "shop";

    /// <summary>Custom (v4) workflow keys of the Zadig project.</summary>
    public IReadOnlyList<string> Workflows { get; init; } =
        ["devops-dev", "devops-qa", "devops-uat", "devops-staging", "devops-prod", "devops-chatops", "release-train"];

    /// <summary>Zadig environments; each maps to the Kubernetes namespace of the same name.</summary>
    public IReadOnlyList<string> Environments { get; init; } = ["dev", "qa", "uat", "staging", "prod"];

    /// <summary>Environments listed by Zadig as production.</summary>
    public IReadOnlyList<string> ProductionEnvironments { get; init; } = ["prod"];

    /// <summary>Kubernetes namespaces that get a Deployment per service.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["dev", "qa", "uat", "staging", "prod", "work"];

    /// <summary>Replicas per Deployment unless the namespace is listed in <see cref="ReplicasByNamespace"/>.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>Replica overrides per namespace.</summary>
    public IReadOnlyDictionary<string, int> ReplicasByNamespace { get; init; } =
        new Dictionary<string, int> { ["prod"] = 3 };

    /// <summary>Log lines generated per container.</summary>
    public int LogLinesPerPod { get; init; } = 500;

    /// <summary>The image registry used in image names.</summary>
    public string Registry { get; init; } = "registry.sandbox.local";

    internal int ReplicasFor(string ns) => ReplicasByNamespace.TryGetValue(ns, out var n) ? n : Replicas;

    /// <summary>The image a service runs in an environment at start; Zadig and Kubernetes agree on it.</summary>
    internal string ImageFor(string env, string service) => $"{Registry}/{ZadigProject}/{service}:" + env switch
    {
        "prod" => "v2.3.0",
        "staging" or "uat" => "v2.3.1",
        _ => "20261118-" + (env.Length * 7).ToString(CultureInfo.InvariantCulture),
    };
}
