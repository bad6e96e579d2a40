using ChatOps.Core.Commands;
using ChatOps.Executors.Tests.GitLab;
using ChatOps.Executors.Tests.Support;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Routing;

/// <summary>A request whose process died after claiming its key: recovery adopts what it started on GitLab and never starts anything.</summary>
public sealed class RecoveryTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_pipeline_created_before_the_restart_is_adopted_by_its_key_and_not_created_again()
    {
        var request = Request(Cmd(IntentNames.Deploy, "auth", "dev", "main"));
        // the first process claimed the key and created the pipeline, then died before recording the outcome
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));
        var binding = sandbox.Catalog.FindBinding("auth", "dev")!.GitLab!;
        var first = await sandbox.GitLab.RunAsync(binding, "main", request.Key, default);

        var plain = await sandbox.Router.ExecuteAsync(request, default);
        Assert.False(plain.Succeeded);
        Assert.Contains("will not run twice", plain.Text, StringComparison.Ordinal);

        var recovered = await sandbox.Router.ExecuteAsync(request with { Recovering = true }, default);
        Assert.True(recovered.Succeeded, recovered.Text);
        Assert.Contains("restarted while starting this request", recovered.Text, StringComparison.Ordinal);
        Assert.Equal(first.Run!.RunId, recovered.Run!.RunId);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
        Assert.StartsWith("succeeded gitlab:", await sandbox.Store.GetOutcomeAsync(request.Key, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_cut_off_before_it_reached_gitlab_is_not_started_by_recovery()
    {
        var request = Request(Cmd(IntentNames.Deploy, "auth", "dev", "main"));
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var recovered = await sandbox.Router.ExecuteAsync(request with { Recovering = true }, default);

        Assert.False(recovered.Succeeded);
        Assert.Empty(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
        Assert.Null(await sandbox.Store.GetOutcomeAsync(request.Key, default));
    }
}
