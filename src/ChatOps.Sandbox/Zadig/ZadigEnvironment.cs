namespace ChatOps.Sandbox.Zadig;

/// <summary>A Zadig environment and the image each service runs there (contract §5.2/§5.3).</summary>
internal sealed class ZadigEnvironment
{
    public required string Key { get; init; }

    public required bool Production { get; init; }

    public required long UpdateTime { get; set; }

    public string UpdateBy { get; set; } = "alice";

    /// <summary>Service name → image; deploy jobs overwrite it.</summary>
    public required Dictionary<string, string> Images { get; init; }
}
