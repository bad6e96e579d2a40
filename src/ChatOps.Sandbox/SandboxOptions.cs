namespace ChatOps.Sandbox;

/// <summary>Start-up settings of the sandbox: clock, seed, knobs, tokens, ports and hook targets.</summary>
public sealed class SandboxOptions
{
    /// <summary>The clock that drives every simulated status change (FakeTimeProvider in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The initial world.</summary>
    public SandboxSeed Seed { get; init; } = SandboxSeed.Default;

    /// <summary>Run-time switches; keep a reference to change them while the sandbox runs.</summary>
    public SandboxKnobs Knobs { get; init; } = new();

    /// <summary>Accepted credentials and hook secrets.</summary>
    public SandboxTokens Tokens { get; init; } = new();

    /// <summary>GitLab port on 127.0.0.1; 0 picks a free one.</summary>
    public int GitLabPort { get; init; }

    /// <summary>Zadig port on 127.0.0.1; 0 picks a free one.</summary>
    public int ZadigPort { get; init; }

    /// <summary>Kubernetes API port on 127.0.0.1; 0 picks a free one.</summary>
    public int KubePort { get; init; }

    /// <summary>Where GitLab Pipeline/Job Hooks are POSTed; null sends none (changeable later on the emulator).</summary>
    public Uri? GitLabHookUrl { get; init; }

    /// <summary>Where Zadig workflow webhooks (contract §7.1) are POSTed; null sends none.</summary>
    public Uri? ZadigHookUrl { get; init; }

    /// <summary>Where the host writes the kubeconfig; null writes a temporary file removed on dispose.</summary>
    public string? KubeconfigPath { get; init; }
}
