using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tests.Support;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.GitLab;

public sealed class GitLabPipelineTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly TimeSpan WholePipeline = TimeSpan.FromSeconds(80);

    public void Dispose() => sandbox.ResetFaults();

    [Fact]
    public async Task Status_shows_the_jobs_as_a_table_and_cancel_then_retry_move_the_pipeline()
    {
        var id = await DeployAsync("orders", "dev");

        var status = await RunAsync(Cmd(IntentNames.PipelineStatus, "orders", "dev", pipelineId: id));
        Assert.StartsWith($"Pipeline #{id} on shop/orders @ main: created", status.Text, StringComparison.Ordinal);
        TextAssert.HasRow(status.Text, "JOB", "STAGE", "STATUS", "DURATION");
        TextAssert.HasRow(status.Text, "deploy-dev", "deploy", "created", "-");
        TextAssert.IsAligned(status.Text, "JOB");

        var cancel = await RunAsync(Cmd(IntentNames.PipelineCancel, "orders", "dev", pipelineId: id));
        Assert.True(cancel.Succeeded, cancel.Text);
        Assert.Equal($"Canceled pipeline #{id} on shop/orders @ main; it is now canceled.", cancel.Text);
        var again = await RunAsync(Cmd(IntentNames.PipelineCancel, "orders", "dev", pipelineId: id));
        Assert.Equal($"Pipeline #{id} on shop/orders is already canceled; nothing to cancel.", again.Text);

        var retry = await RunAsync(Cmd(IntentNames.PipelineRetry, "orders", "dev", pipelineId: id));
        Assert.True(retry.Succeeded, retry.Text);
        Assert.StartsWith($"Retrying the failed jobs of pipeline #{id} on shop/orders @ main; it is now pending.", retry.Text, StringComparison.Ordinal);
        Assert.Equal(new RunHandle("gitlab", $"shop/orders/pipelines/{id}", retry.Run!.WebUrl, "pending"), retry.Run);
    }

    [Fact]
    public async Task A_failed_pipeline_shows_the_tail_of_the_failed_job_log_without_colours()
    {
        sandbox.Host.Knobs.FailingJob = "unit-test";
        var id = await DeployAsync("cart", "dev");
        sandbox.Advance(WholePipeline);

        var status = await RunAsync(Cmd(IntentNames.PipelineStatus, "cart", "dev", pipelineId: id));

        Assert.Contains($"Pipeline #{id} on shop/cart @ main: failed", status.Text, StringComparison.Ordinal);
        TextAssert.HasRow(status.Text, "unit-test", "test", "failed (script_failure)", "20s");
        TextAssert.HasRow(status.Text, "deploy-dev", "deploy", "skipped", "-");
        Assert.Contains("Log of failed job `unit-test`: ", status.Text, StringComparison.Ordinal);
        Assert.Contains("FAILED CheckoutTotalsTest.applies_discount", status.Text, StringComparison.Ordinal);
        Assert.Contains("ERROR: Job failed: exit code 1", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", status.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("section_start", status.Text, StringComparison.Ordinal);

        var retryRunning = await RunAsync(Cmd(IntentNames.PipelineRetry, "cart", "dev", pipelineId: id));
        Assert.True(retryRunning.Succeeded, retryRunning.Text);
        var retryAgain = await RunAsync(Cmd(IntentNames.PipelineRetry, "cart", "dev", pipelineId: id));
        Assert.False(retryAgain.Succeeded);
        Assert.Contains("only failed or canceled pipelines can be retried", retryAgain.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_without_an_id_reads_the_newest_pipeline_of_the_binding_ref()
    {
        var none = await RunAsync(Cmd(IntentNames.PipelineStatus, "search", "qa"));
        Assert.Equal("There is no pipeline on `main` in shop/search yet.", none.Text);

        var id = await DeployAsync("search", "qa");
        var latest = await RunAsync(Cmd(IntentNames.PipelineStatus, "search", "qa"));
        Assert.StartsWith($"Pipeline #{id} on shop/search @ main", latest.Text, StringComparison.Ordinal);

        var unknown = await RunAsync(Cmd(IntentNames.PipelineStatus, "search", "qa", pipelineId: 1));
        Assert.Equal("There is no pipeline #1 in shop/search.", unknown.Text);
    }

    [Fact]
    public async Task Rollback_reruns_the_ref_of_the_previous_successful_deploy_to_that_environment()
    {
        var old = await DeployAsync("users", "staging", "v2.3.0");
        sandbox.Advance(WholePipeline);
        await DeployAsync("users", "qa", "v1.4.1");
        var current = await DeployAsync("users", "staging");
        sandbox.Advance(WholePipeline);

        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.Rollback, "users", "staging"), default);
        Assert.True(plan.CanRun, plan.Problem);
        Assert.Equal($"GitLab pipeline on shop/users @ v2.3.0 with DEPLOY_ENV=staging, SERVICE=users (the ref of pipeline #{old}, the successful deploy before #{current})",
            plan.Description);

        var request = Request(Cmd(IntentNames.Rollback, "users", "staging"));
        var result = await sandbox.Router.ExecuteAsync(request, default);
        Assert.True(result.Succeeded, result.Text);
        Assert.StartsWith($"Rolling back to `v2.3.0` (deployed by pipeline #{old}).", result.Text, StringComparison.Ordinal);
        var (pipeline, _) = Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/users", request.Key.Value));
        Assert.Equal("v2.3.0", pipeline.Ref);
    }

    [Fact]
    public async Task Rollback_without_an_earlier_deploy_says_there_is_nothing_to_roll_back_to()
    {
        var none = await sandbox.Router.PlanAsync(Cmd(IntentNames.Rollback, "inventory", "qa"), default);
        Assert.Equal("There is no successful deploy to `qa` in shop/inventory's recent pipelines, so there is nothing to roll back to.", none.Problem);

        var only = await DeployAsync("inventory", "qa");
        sandbox.Advance(WholePipeline);
        var one = await sandbox.Router.PlanAsync(Cmd(IntentNames.Rollback, "inventory", "qa"), default);
        Assert.Equal($"Pipeline #{only} is the only successful deploy to `qa` in shop/inventory's recent pipelines; there is no earlier one to roll back to.", one.Problem);
    }

    private async Task<long> DeployAsync(string service, string environment, string? reference = null)
    {
        var result = await RunAsync(Cmd(IntentNames.Deploy, service, environment, reference));
        Assert.True(result.Succeeded, result.Text);
        return long.Parse(result.Run!.RunId.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<ExecutionResult> RunAsync(ChatCommand command) => sandbox.Router.ExecuteAsync(Request(command), default);
}
