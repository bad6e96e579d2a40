using System.Net.Http.Json;
using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Zadig;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.Zadig;

public sealed class ZadigTaskTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly SandboxKnobs _knobs = new();
    private ZadigEmulator _zadig = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _zadig = new ZadigEmulator(new SandboxOptions { TimeProvider = _time, Knobs = _knobs });
        await _zadig.StartAsync();
        _client = ZadigClient.Create(_zadig.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _zadig.DisposeAsync();
    }

    [Fact]
    public async Task Task_moves_from_created_through_running_to_passed_on_the_clock()
    {
        var created = await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-dev", "dev"));
        Assert.Equal("devops-dev", created["workflow_name"]!.GetValue<string>());
        var id = created["task_id"]!.GetValue<long>();
        Assert.Equal(1, id);

        var seen = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var task = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-dev");
            var status = task["status"]!.GetValue<string>();
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(["created", "running", "passed"], seen);
        var detail = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-dev");
        var jobs = detail["stages"]!.AsArray().SelectMany(s => s!["jobs"]!.AsArray()).ToList();
        Assert.Equal(["job-0-0-0-build", "job-1-0-0-deploy"], jobs.Select(j => j!["name"]!.GetValue<string>()));
        Assert.Equal("build.checkout.checkout", jobs[0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_production_task_waits_for_approval_and_passes_once_approved()
    {
        var id = (await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-prod", "prod")))["task_id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(2));

        var waiting = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-prod");
        Assert.Equal("running", waiting["status"]!.GetValue<string>());
        var approval = waiting["stages"]![1]!["jobs"]![0]!;
        Assert.Equal("job-1-0-0-approve-prod", approval["name"]!.GetValue<string>());
        Assert.Equal("wait_for_approval", approval["status"]!.GetValue<string>());

        await _client.PostJsonAsync("openapi/workflows/custom/task/approve",
            new { workflow_key = "devops-prod", task_id = id, stage_name = "job-1-0-0-approve-prod", approve = true, comment = "ok from chat" });
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("passed", (await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-prod"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rejecting_the_approval_ends_the_task_as_reject_and_a_wrong_job_name_is_6169()
    {
        var id = (await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-prod", "prod")))["task_id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(2));

        using var wrong = await _client.PostAsJsonAsync("openapi/workflows/custom/task/approve",
            new { workflow_key = "devops-prod", task_id = id, stage_name = "approve", approve = true });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(6169, (await wrong.JsonAsync())["code"]!.GetValue<int>());

        await _client.PostJsonAsync("openapi/workflows/custom/task/approve",
            new { workflow_key = "devops-prod", task_id = id, stage_name = "job-1-0-0-approve-prod", approve = false });

        var task = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-prod");
        Assert.Equal("reject", task["status"]!.GetValue<string>());
        Assert.Equal("", task["stages"]![2]!["jobs"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancel_ends_a_running_task_as_cancelled_and_a_second_cancel_is_6163()
    {
        var id = (await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-qa", "qa")))["task_id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromSeconds(5));

        var cancelled = await _client.DeleteAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-qa");
        Assert.Equal("""{"message":"success"}""", await cancelled.Content.ReadAsStringAsync());
        using var again = await _client.DeleteAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-qa");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(6163, (await again.JsonAsync())["code"]!.GetValue<int>());

        var task = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-qa");
        Assert.Equal("cancelled", task["status"]!.GetValue<string>());
        Assert.Equal("chatops-bot", task["task_revoker"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_task_retries_under_the_same_id_and_passing_tasks_cannot_be_retried()
    {
        _knobs.FailingJob = "deploy";
        var id = (await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-uat", "uat")))["task_id"]!.GetValue<long>();
        _time.Advance(TimeSpan.FromMinutes(2));
        var failed = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-uat");
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.Contains("job-1-0-0-deploy", failed["error"]!.GetValue<string>());
        _knobs.FailingJob = null;

        Assert.Equal("success", (await _client.PostJsonAsync($"openapi/workflows/custom/devops-uat/task/{id}?projectKey=shop", new { }))["message"]!.GetValue<string>());
        _time.Advance(TimeSpan.FromMinutes(2));

        var passed = await _client.GetJsonAsync($"openapi/workflows/custom/task?taskId={id}&workflowKey=devops-uat");
        Assert.Equal("passed", passed["status"]!.GetValue<string>());
        Assert.True(passed["is_restart"]!.GetValue<bool>());
        Assert.Equal(1, passed["stages"]![1]!["jobs"]![0]!["retry_count"]!.GetValue<int>());
        using var again = await _client.PostAsync($"openapi/workflows/custom/devops-uat/task/{id}?projectKey=shop", null);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, again.StatusCode);
        Assert.Equal("Internal Error: ", (await again.JsonAsync())["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_is_paginated_newest_first_and_a_passed_deploy_updates_the_environment()
    {
        for (var i = 0; i < 3; i++)
        {
            await _client.PostJsonAsync("openapi/workflows/custom/task", ZadigClient.BuildDeploy("devops-dev", "dev", "cart"));
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        var page = await _client.GetJsonAsync("openapi/workflows/custom/devops-dev/tasks?projectKey=shop&pageNum=1&pageSize=2");

        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal([3L, 2L], page["workflow_tasks"]!.AsArray().Select(t => t!["task_id"]!.GetValue<long>()));
        var env = await _client.GetJsonAsync("openapi/environments/dev?projectKey=shop");
        var cart = env["services"]!.AsArray().Single(s => s!["service_name"]!.GetValue<string>() == "cart")!;
        Assert.Equal("registry.sandbox.local/shop/cart:20261120-3", cart["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"project_key":"shop","workflow_key":"nope"}""", 400, 6542)]
    [InlineData("""{"project_key":"shop"}""", 400, 400)]
    [InlineData("""{"project_key":"shop","workflow_key":"devops-dev","inputs":[{"job_name":"ghost","parameters":{}}]}""", 500, 500)]
    public async Task Bad_run_requests_get_the_contract_error_codes(string body, int status, int code)
    {
        using var response = await _client.PostAsync("openapi/workflows/custom/task", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await response.JsonAsync())["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_task_is_a_plain_500_with_the_mongo_description()
    {
        using var response = await _client.GetAsync("openapi/workflows/custom/task?taskId=99&workflowKey=devops-dev");

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Error: ","code":500,"description":"mongo: no documents in result"}""", await response.Content.ReadAsStringAsync());
    }
}
