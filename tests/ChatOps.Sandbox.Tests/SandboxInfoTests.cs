namespace ChatOps.Sandbox.Tests;

public class SandboxInfoTests
{
    [Fact]
    public void Emulators_bind_to_loopback_only()
    {
        Assert.Equal("127.0.0.1", SandboxInfo.Loopback);
    }
}
