using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Sandbox;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>The polling schedule of a run whose hooks are all lost, on the fake clock: quiet for the grace period, then exponential backoff.</summary>
public sealed class RunPollerTests(TrackingSandbox sandbox) : IClassFixture<TrackingSandbox>
{
    [Fact]
    public async Task A_quiet_run_is_polled_after_the_grace_period_then_at_5_10_20_and_40_second_gaps()
    {
        sandbox.Host.Knobs.DeliveryDropRate = 1;
        sandbox.Host.Knobs.Steps = new StepDurations { Job = TimeSpan.FromHours(1) };
        var (_, run, _) = await sandbox.Bot.StartRunAsync(Request(Cmd(IntentNames.Deploy, "checkout", "dev")));

        var polledAt = new List<int>();
        for (var second = 1; second <= 200; second++)
        {
            sandbox.Advance(TimeSpan.FromSeconds(1));
            if (await sandbox.Bot.Poller.PollOnceAsync(default) > 0)
            {
                polledAt.Add(second);
            }
        }

        // why: the poll at 60 s finds the pipeline running, which is news, so the grace period starts again from there
        Assert.Equal([60, 120, 125, 135, 155, 195], polledAt);
        var stored = (await sandbox.Bot.Store.GetAsync(run!.Id, default))!;
        Assert.Equal((RunStatus.Running, "poll"), (stored.Status, stored.History[^1].Source));
    }
}
