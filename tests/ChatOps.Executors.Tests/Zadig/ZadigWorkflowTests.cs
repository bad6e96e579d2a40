using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tests.Support;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Zadig;

public sealed class ZadigWorkflowTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => sandbox.ResetFaults();

    [Fact]
    public async Task Running_a_service_workflow_creates_one_task_with_the_binding_inputs()
    {
        var command = Cmd(IntentNames.WorkflowRun, "checkout", "uat", "feature/login");
        var plan = await sandbox.Router.PlanAsync(command, default);
        Assert.True(plan.CanRun, plan.Problem);
        Assert.Equal("Zadig workflow devops-uat in project shop with jobs build (checkout @ feature/login), deploy (checkout → uat); "
            + "release_note=chatops: checkout to uat", plan.Description);

        var result = await sandbox.Router.ExecuteAsync(Request(command), default);

        Assert.True(result.Succeeded, result.Text);
        Assert.Equal(new RunHandle("zadig", "devops-uat/tasks/1", null, "created"), result.Run);
        var task = await sandbox.ZadigApi.GetWorkflowTaskAsync(1, "devops-uat", default);
        Assert.Equal(["build-checkout-checkout", "deploy-checkout"], task.Stages.SelectMany(s => s.Jobs).Select(j => j.DisplayName));
        Assert.Contains(task.Params, p => p.Name == "release_note" && p.Value == "chatops: checkout to uat");
        Assert.Equal(1, (await sandbox.ZadigApi.ListWorkflowTasksAsync("devops-uat", "shop", 1, 10, default)).Total);
    }

    [Fact]
    public async Task Status_shows_stages_and_jobs_and_follows_the_task_to_passed()
    {
        var id = await RunAsync("cart", "dev");
        sandbox.Advance(TimeSpan.FromSeconds(3));
        var running = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowStatus, "cart", "dev", pipelineId: id)), default);
        Assert.StartsWith($"Zadig task #{id} of `devops-dev`: running", running.Text, StringComparison.Ordinal);
        TextAssert.HasRow(running.Text, "STAGE", "JOB", "TYPE", "STATUS", "DURATION");
        TextAssert.HasRow(running.Text, "build", "build-cart-cart", "zadig-build", "running", "-");

        sandbox.Advance(TimeSpan.FromSeconds(45));
        var passed = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowStatus, "cart", "dev")), default);
        Assert.StartsWith($"Zadig task #{id} of `devops-dev`: passed", passed.Text, StringComparison.Ordinal);
        TextAssert.HasRow(passed.Text, "deploy", "deploy-cart", "zadig-deploy", "passed", "20s");
        Assert.Equal("passed", passed.Run!.Status);
    }

    [Fact]
    public async Task Cancel_stops_a_running_task_and_a_finished_one_is_left_alone()
    {
        var id = await RunAsync("orders", "dev");

        var cancel = await sandbox.Zadig.CancelAsync("shop", "devops-dev", id, default);
        var again = await sandbox.Zadig.CancelAsync("shop", "devops-dev", id, default);

        Assert.True(cancel.Succeeded, cancel.Text);
        Assert.Equal($"Zadig task #{id} of `devops-dev` is now cancelled.", cancel.Text);
        Assert.Equal($"Zadig task #{id} of `devops-dev` is already cancelled; nothing to cancel.", again.Text);
    }

    [Fact]
    public async Task Retry_reruns_a_failed_task_under_the_same_id_and_refuses_a_running_one()
    {
        sandbox.Host.Knobs.FailingJob = "deploy";
        var id = await RunAsync("users", "qa");
        sandbox.Advance(TimeSpan.FromSeconds(50));
        var failed = await sandbox.Zadig.StatusAsync("shop", "devops-qa", id, default);
        Assert.StartsWith($"Zadig task #{id} of `devops-qa`: failed", failed.Text, StringComparison.Ordinal);
        sandbox.Host.Knobs.FailingJob = null;

        var retry = await sandbox.Zadig.RetryAsync("shop", "devops-qa", id, default);
        var refused = await sandbox.Zadig.RetryAsync("shop", "devops-qa", id, default);

        Assert.Equal($"Retrying Zadig task #{id} of `devops-qa`; it is now running.", retry.Text);
        Assert.False(refused.Succeeded);
        Assert.Equal($"Zadig task #{id} of `devops-qa` is running; only failed, timed-out, cancelled or rejected tasks can be retried.", refused.Text);
    }

    [Fact]
    public async Task A_production_task_waits_for_approval_and_goes_on_once_approved()
    {
        var id = await RunAsync("payments", "prod");
        sandbox.Advance(TimeSpan.FromSeconds(25));
        var waiting = await sandbox.Zadig.StatusAsync("shop", "devops-prod", id, default);
        Assert.Contains("Waiting for approval: job `job-1-0-0-approve-prod`.", waiting.Text, StringComparison.Ordinal);

        var approved = await sandbox.Zadig.ApproveAsync("shop", "devops-prod", id, approve: true, "ok from chat", default);
        Assert.Equal($"Approved `approve-prod` of Zadig task #{id} of `devops-prod`.", approved.Text);
        var twice = await sandbox.Zadig.ApproveAsync("shop", "devops-prod", id, approve: true, "again", default);
        Assert.False(twice.Succeeded);

        sandbox.Advance(TimeSpan.FromSeconds(25));
        Assert.StartsWith($"Zadig task #{id} of `devops-prod`: passed", (await sandbox.Zadig.StatusAsync("shop", "devops-prod", id, default)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_workflow_runs_by_alias_and_asks_for_the_service_it_needs()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.WorkflowRun, "search", workflow: "release train"), default);
        var missing = await sandbox.Router.PlanAsync(Cmd(IntentNames.WorkflowRun, workflow: "release-train"), default);
        var unknown = await sandbox.Router.PlanAsync(Cmd(IntentNames.WorkflowRun, "search", workflow: "relase-train"), default);

        Assert.Equal("Zadig workflow release-train in project shop with jobs deploy-staging (search → staging), approve-release, deploy-prod (search → prod)", plan.Description);
        Assert.Equal("Workflow release-train needs a service (its catalog entry uses `{service}`); say which service.", missing.Problem);
        Assert.Equal("The catalog lists no Zadig workflow `relase-train`; did you mean `release-train`?", unknown.Problem);

        var result = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowRun, "search", workflow: "release train")), default);
        Assert.Equal("release-train/tasks/1", result.Run!.RunId);
    }

    [Fact]
    public async Task A_workflow_Zadig_does_not_have_is_refused_with_the_closest_key()
    {
        var router = sandbox.RouterFor(CatalogLoader.Parse("""
            environments: [{name: uat}]
            services:
              - name: checkout
                bindings: {uat: {zadig: {project: shop, workflow: devops-uatt}}}
            """));

        var plan = await router.PlanAsync(Cmd(IntentNames.WorkflowRun, "checkout", "uat"), default);

        Assert.Equal("There is no workflow `devops-uatt` in Zadig project shop; did you mean `devops-uat`?", plan.Problem);
    }

    [Fact]
    public async Task Inputs_Zadig_rejects_are_reported_as_a_catalog_problem_and_start_nothing()
    {
        var router = sandbox.RouterFor(CatalogLoader.Parse("""
            environments: [{name: qa}]
            services:
              - name: cart
                bindings:
                  qa:
                    zadig:
                      project: shop
                      workflow: devops-qa
                      inputs: [{job_name: build, parameters: {registry: wrong.example.com/shop, service_list: [{service_name: cart}]}}]
            """));
        var before = (await sandbox.ZadigApi.ListWorkflowTasksAsync("devops-qa", "shop", 1, 10, default)).Total;

        var result = await router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowRun, "cart", "qa")), default);

        Assert.Equal("Zadig refused to run workflow `devops-qa`: Internal Error: didn't find the specified image registry: wrong.example.com/shop; "
            + "check the zadig binding's inputs in catalog.yaml.", result.Text);
        Assert.Equal(before, (await sandbox.ZadigApi.ListWorkflowTasksAsync("devops-qa", "shop", 1, 10, default)).Total);
        Assert.Equal(1, sandbox.ZadigFaults.Seen.Count(s => s.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Workflows_and_environments_are_listed_as_tables_and_an_unknown_task_is_named()
    {
        var workflows = await sandbox.Zadig.ListWorkflowsAsync("shop", default);
        var environments = await sandbox.Zadig.ListEnvironmentsAsync("shop", default);
        var unknown = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowStatus, "checkout", "staging", pipelineId: 99)), default);

        TextAssert.HasRow(workflows, "devops-uat", "DevOps (uat)", "custom");
        TextAssert.HasRow(workflows, "shop-workflow-dev", "shop-workflow-dev", "product");
        TextAssert.HasRow(environments, "prod", "prod", "yes", "success");
        Assert.Equal("There is no task #99 of workflow `devops-staging` in Zadig.", unknown.Text);
    }

    [Fact]
    public async Task A_product_workflow_binding_deploys_through_the_older_api_with_a_callback()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.Deploy, "notifications", "dev"), default);
        Assert.Equal("Zadig product workflow shop-workflow-dev in project shop: build notifications @ main and deploy to dev (Zadig calls back when done)", plan.Description);

        var result = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.Deploy, "notifications", "dev")), default);
        Assert.Equal("Started Zadig product workflow shop-workflow-dev in project shop: build notifications @ main and deploy to dev (Zadig calls back when done): task #1.", result.Text);

        var status = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.PipelineStatus, "notifications", "dev", pipelineId: 1)), default);
        Assert.StartsWith("Zadig task #1 of `shop-workflow-dev` (to dev): ", status.Text, StringComparison.Ordinal);
        var noId = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.PipelineStatus, "notifications", "dev")), default);
        Assert.Equal("Which task of product workflow `shop-workflow-dev`? Say its number.", noId.Text);
    }

    [Theory]
    [InlineData(FaultPlan.FaultKind.BadGateway, "lost")]
    [InlineData(FaultPlan.FaultKind.Unsent, "")]
    public async Task A_lost_run_answer_never_makes_a_second_task(FaultPlan.FaultKind kind, string note)
    {
        var before = (await sandbox.ZadigApi.ListWorkflowTasksAsync("devops-staging", "shop", 1, 10, default)).Total;
        sandbox.ZadigFaults.LoseAnswer(r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/custom/task", StringComparison.Ordinal), kind);

        var result = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowRun, "inventory", "staging")), default);

        Assert.True(result.Succeeded, result.Text);
        Assert.Equal(before + 1, (await sandbox.ZadigApi.ListWorkflowTasksAsync("devops-staging", "shop", 1, 10, default)).Total);
        Assert.Equal(note.Length > 0, result.Text.Contains("Zadig's first answer was lost", StringComparison.Ordinal));
    }

    private async Task<long> RunAsync(string service, string environment)
    {
        var result = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.WorkflowRun, service, environment)), default);
        Assert.True(result.Succeeded, result.Text);
        return long.Parse(result.Run!.RunId.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
