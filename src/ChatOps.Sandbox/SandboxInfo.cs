namespace ChatOps.Sandbox;

/// <summary>Marks the sandbox assembly; the emulators live beside it.</summary>
public static class SandboxInfo
{
    /// <summary>The loopback address every emulator binds to.</summary>
    public const string Loopback = "127.0.0.1";
}
