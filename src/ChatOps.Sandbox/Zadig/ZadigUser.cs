namespace ChatOps.Sandbox.Zadig;

/// <summary>The user behind the sandbox API token.</summary>
internal static class ZadigUser
{
    public const string Name = "chatops-bot";

    public const string Id = "6f2c9a1e-0b7d-4c55-9e0a-5d1c2b3a4f60";

    public const string Email = "chatops-bot@sandbox.local";
}
