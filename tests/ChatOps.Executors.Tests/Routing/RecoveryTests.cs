using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Kubernetes;
using ChatOps.Sandbox;
using ChatOps.Executors.Tests.GitLab;
using ChatOps.Executors.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task A_fresh_request_cut_off_before_it_reached_gitlab_is_started_once_by_recovery_and_never_again()
    {
        var request = Request(Cmd(IntentNames.Deploy, "auth", "dev", "main")) with { Recovering = true, MayResume = true, StartedAt = sandbox.Time.GetUtcNow() };
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var resumed = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(resumed.Succeeded, resumed.Text);
        Assert.Contains("shows it never started, so I started it now", resumed.Text, StringComparison.Ordinal);
        Assert.NotNull(resumed.Run);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
        // a second recovery (another replica, or the next restart) finds the outcome and starts nothing
        var again = await sandbox.Router.ExecuteAsync(request, default);
        Assert.True(again.Succeeded, again.Text);
        Assert.StartsWith("It had started before I restarted", again.Text, StringComparison.Ordinal);
        // why: the process may have died before the tracker recorded the run; the recorded outcome names it, so it is followed even so
        Assert.Equal(resumed.Run!.Backend, again.Run?.Backend);
        Assert.Equal(resumed.Run.RunId, again.Run?.RunId);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
    }

    [Fact]
    public async Task A_resume_that_was_itself_interrupted_is_never_tried_a_second_time()
    {
        var request = Request(Cmd(IntentNames.Deploy, "auth", "dev", "main")) with { Recovering = true, MayResume = true, StartedAt = sandbox.Time.GetUtcNow() };
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));
        // an earlier recovery claimed the resume and died before reaching GitLab
        Assert.True(await sandbox.Store.TryClaimAsync(new IdempotencyKey("resume:" + request.Key.Value), "alice", default));

        var recovered = await sandbox.Router.ExecuteAsync(request, default);

        Assert.False(recovered.Succeeded);
        Assert.Empty(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
    }

    [Fact]
    public async Task An_interrupted_lookup_is_answered_again()
    {
        var request = Request(Cmd(IntentNames.K8sPods, "cart", "uat")) with { Recovering = true };
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var answered = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(answered.Succeeded, answered.Text);
        Assert.Contains("cart", answered.Text, StringComparison.Ordinal);
        Assert.NotNull(await sandbox.Store.GetOutcomeAsync(request.Key, default));
    }

    [Fact]
    public async Task A_restart_is_stamped_with_its_request_and_adopted_after_an_interruption_without_restarting_again()
    {
        var kube = sandbox.Services.GetRequiredService<IKubernetes>();
        var request = Request(Cmd(IntentNames.K8sRestart, "orders", "qa"));
        Assert.True((await sandbox.Router.ExecuteAsync(request, default)).Succeeded);
        var restarted = await kube.AppsV1.ReadNamespacedDeploymentAsync("orders", "qa");
        Assert.Equal(request.Key.Value, restarted.Metadata.Annotations[KubernetesExecutor.RequestAnnotation]);

        // the same request, as if its process had died after the patch: its claim has no outcome
        var store = new InMemoryIdempotencyStore();
        var router = new CommandRouter(sandbox.Catalog, store, sandbox.GitLab, sandbox.Zadig, sandbox.Kubernetes);
        Assert.True(await store.TryClaimAsync(request.Key, "alice", default));
        var adopted = await router.ExecuteAsync(request with { Recovering = true, MayResume = true }, default);

        Assert.True(adopted.Succeeded, adopted.Text);
        Assert.Contains("this request's restart was made", adopted.Text, StringComparison.Ordinal);
        Assert.NotNull(adopted.Run);
        var after = await kube.AppsV1.ReadNamespacedDeploymentAsync("orders", "qa");
        Assert.Equal(restarted.Metadata.Generation, after.Metadata.Generation);
    }

    [Fact]
    public async Task A_restart_cut_off_before_the_patch_is_made_once_when_fresh_and_never_when_another_request_restarted_it_since()
    {
        var kube = sandbox.Services.GetRequiredService<IKubernetes>();
        var request = Request(Cmd(IntentNames.K8sRestart, "search", "qa")) with { Recovering = true, MayResume = true };
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));
        var before = (await kube.AppsV1.ReadNamespacedDeploymentAsync("search", "qa")).Metadata.Generation;

        Assert.True((await sandbox.Router.ExecuteAsync(request, default)).Succeeded);
        var after = await kube.AppsV1.ReadNamespacedDeploymentAsync("search", "qa");
        Assert.Equal(before + 1, after.Metadata.Generation);
        Assert.Equal(request.Key.Value, after.Metadata.Annotations[KubernetesExecutor.RequestAnnotation]);

        // another request, cut off too: the deployment names the first one, so whether this one ran cannot be told
        var other = Request(Cmd(IntentNames.K8sRestart, "search", "qa")) with { Recovering = true, MayResume = true };
        Assert.True(await sandbox.Store.TryClaimAsync(other.Key, "alice", default));
        Assert.False((await sandbox.Router.ExecuteAsync(other, default)).Succeeded);
        Assert.Equal(after.Metadata.Generation, (await kube.AppsV1.ReadNamespacedDeploymentAsync("search", "qa")).Metadata.Generation);
    }

    [Fact]
    public async Task A_zadig_task_created_before_the_restart_is_adopted_by_its_request_parameter_and_not_created_again()
    {
        var request = Request(Cmd(IntentNames.WorkflowRun, "checkout", "uat", "main"));
        // the first process created the task (through a store of its own), then died before recording the outcome in this one
        var first = await sandbox.RouterFor(sandbox.Catalog).ExecuteAsync(request, default);
        Assert.True(first.Succeeded, first.Text);
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var recovered = await sandbox.Router.ExecuteAsync(request with { Recovering = true, MayResume = true, StartedAt = sandbox.Time.GetUtcNow() }, default);

        Assert.True(recovered.Succeeded, recovered.Text);
        Assert.Contains("Zadig shows the task it created", recovered.Text, StringComparison.Ordinal);
        Assert.Equal(first.Run!.RunId, recovered.Run!.RunId);
        Assert.Single(await ZadigTasksWithKeyAsync("devops-uat", request.Key.Value));
    }

    [Fact]
    public async Task A_fresh_zadig_run_cut_off_before_it_reached_zadig_is_started_once_and_a_stale_one_is_not()
    {
        var request = Request(Cmd(IntentNames.WorkflowRun, "search", "uat", "main")) with { Recovering = true, MayResume = true, StartedAt = sandbox.Time.GetUtcNow() };
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var resumed = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(resumed.Succeeded, resumed.Text);
        Assert.StartsWith("I restarted before this request reached Zadig, which shows it never started, so I started it now", resumed.Text, StringComparison.Ordinal);
        Assert.Single(await ZadigTasksWithKeyAsync("devops-uat", request.Key.Value));

        var stale = Request(Cmd(IntentNames.WorkflowRun, "search", "uat", "main")) with { Recovering = true, MayResume = false, StartedAt = sandbox.Time.GetUtcNow() };
        Assert.True(await sandbox.Store.TryClaimAsync(stale.Key, "alice", default));
        Assert.False((await sandbox.Router.ExecuteAsync(stale, default)).Succeeded);
        Assert.Empty(await ZadigTasksWithKeyAsync("devops-uat", stale.Key.Value));
    }

    [Fact]
    public async Task An_interrupted_gitlab_rollback_is_found_on_the_ref_it_ran_on_and_adopted_without_a_second_pipeline()
    {
        var deployer = sandbox.RouterFor(sandbox.Catalog);
        Assert.True((await deployer.ExecuteAsync(Request(Cmd(IntentNames.Deploy, "cart", "staging", "v1.4.2")), default)).Succeeded);
        sandbox.Advance(TimeSpan.FromSeconds(80));
        Assert.True((await deployer.ExecuteAsync(Request(Cmd(IntentNames.Deploy, "cart", "staging")), default)).Succeeded);
        sandbox.Advance(TimeSpan.FromSeconds(80));
        var request = Request(Cmd(IntentNames.Rollback, "cart", "staging"));
        var began = sandbox.Time.GetUtcNow();
        var first = await deployer.ExecuteAsync(request, default);
        Assert.True(first.Succeeded, first.Text);
        // the rollback passed, so "the deploy before the current one" is now another ref: recovery must not recompute it
        sandbox.Advance(TimeSpan.FromSeconds(80));
        Assert.True(await sandbox.Store.TryClaimAsync(request.Key, "alice", default));

        var recovered = await sandbox.Router.ExecuteAsync(request with { Recovering = true, MayResume = true, StartedAt = began }, default);

        Assert.True(recovered.Succeeded, recovered.Text);
        Assert.Contains("@ v1.4.2", recovered.Text, StringComparison.Ordinal);
        Assert.Equal(first.Run!.RunId, recovered.Run!.RunId);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/cart", request.Key.Value));
    }

    private async Task<List<long>> ZadigTasksWithKeyAsync(string workflow, string key)
    {
        var page = await sandbox.ZadigApi.ListWorkflowTasksAsync(workflow, "shop", 1, 100, default);
        var found = new List<long>();
        foreach (var task in page.WorkflowTasks)
        {
            var detail = await sandbox.ZadigApi.GetWorkflowTaskAsync(task.TaskId, workflow, default);
            if (detail.Params.Any(p => p.Name == SandboxHost.ZadigRequestParameter && p.Value == key)) found.Add(task.TaskId);
        }

        return found;
    }
}
