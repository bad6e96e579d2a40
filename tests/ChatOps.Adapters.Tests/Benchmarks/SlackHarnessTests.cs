namespace ChatOps.Adapters.Tests.Benchmarks;

public class SlackHarnessTests
{
    [Fact]
    public async Task The_harness_measures_both_transports()
    {
        var figures = await SlackHarness.RunAsync(events: 5, warmup: 1);
        Assert.Equal(["socket", "http"], figures.Select(f => f.Mode));
        Assert.All(figures, f => Assert.True(f.AckP99Ms > 0 && f.ReplyP99Ms > 0, $"{f}"));
    }
}
