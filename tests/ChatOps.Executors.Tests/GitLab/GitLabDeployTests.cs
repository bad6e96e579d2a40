using System.Net.Http;
using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Tests.Support;
using Microsoft.Extensions.Options;
using Refit;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.GitLab;

public sealed class GitLabDeployTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => sandbox.ResetFaults();

    [Fact]
    public async Task Deploy_plans_then_creates_exactly_one_pipeline_with_the_binding_variables()
    {
        var command = Cmd(IntentNames.Deploy, "checkout", "uat");
        var plan = await sandbox.Router.PlanAsync(command, default);
        Assert.True(plan.CanRun, plan.Problem);
        Assert.Equal("GitLab pipeline on shop/checkout @ main with DEPLOY_ENV=uat, SERVICE=checkout (branch main exists)", plan.Description);

        var request = Request(command);
        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(result.Succeeded, result.Text);
        var (pipeline, variables) = Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/checkout", request.Key.Value));
        Assert.Equal(new RunHandle("gitlab", $"shop/checkout/pipelines/{pipeline.Id}", pipeline.WebUrl, "created"), result.Run);
        Assert.Equal(("main", "api"), (pipeline.Ref, pipeline.Source));
        Assert.Equal(["DEPLOY_ENV=uat", "SERVICE=checkout", $"CHATOPS_REQUEST={request.Key}"], variables.Select(v => $"{v.Key}={v.Value}"));
        Assert.StartsWith($"Started GitLab pipeline on shop/checkout @ main with DEPLOY_ENV=uat, SERVICE=checkout: pipeline #{pipeline.Id}", result.Text, StringComparison.Ordinal);
        Assert.StartsWith($"succeeded gitlab:shop/checkout/pipelines/{pipeline.Id}", await sandbox.Store.GetOutcomeAsync(request.Key, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_branch_is_refused_before_confirmation_with_the_closest_name()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.Deploy, "checkout", "uat", "featur/login"), default);

        Assert.False(plan.CanRun);
        Assert.Equal("There is no branch `featur/login` in shop/checkout; did you mean `feature/login`?", plan.Problem);
    }

    [Fact]
    public async Task An_unknown_tag_is_refused_with_the_closest_tag_and_a_known_tag_is_planned()
    {
        var missing = await sandbox.Router.PlanAsync(Cmd(IntentNames.Deploy, "checkout", "uat", "v2.3.11"), default);
        var known = await sandbox.Router.PlanAsync(Cmd(IntentNames.Deploy, "checkout", "prod", "v2.3.1"), default);

        Assert.Equal("There is no tag `v2.3.11` in shop/checkout; did you mean `v2.3.1`?", missing.Problem);
        Assert.True(known.CanRun, known.Problem);
        Assert.Equal("GitLab pipeline on shop/checkout @ v2.3.1 with DEPLOY_ENV=prod, SERVICE=checkout (tag v2.3.1 exists)", known.Description);
    }

    [Fact]
    public async Task Executing_with_an_unknown_ref_creates_nothing_and_says_why()
    {
        var request = Request(Cmd(IntentNames.Deploy, "cart", "qa", "hotfix/pay-timout"));
        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.False(result.Succeeded);
        Assert.Equal("There is no branch `hotfix/pay-timout` in shop/cart; did you mean `hotfix/pay-timeout`?", result.Text);
        Assert.Empty(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/cart", request.Key.Value));
        Assert.StartsWith("failed: There is no branch", await sandbox.Store.GetOutcomeAsync(request.Key, default), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_GitLab_does_not_know_is_explained()
    {
        var router = sandbox.RouterFor(Catalog("gitlab: {project: shop/checkot}"));
        var plan = await router.PlanAsync(Cmd(IntentNames.Deploy, "checkout", "dev"), default);

        Assert.False(plan.CanRun);
        Assert.Equal("GitLab has no project `shop/checkot`, or the bot's token cannot see it; check the gitlab binding in catalog.yaml.", plan.Problem);
    }

    [Fact]
    public async Task A_trigger_token_binding_starts_the_pipeline_through_the_trigger_endpoint()
    {
        var router = sandbox.RouterFor(Catalog("gitlab: {project: shop/search, trigger_token_env: SANDBOX_TRIGGER, variables: {DEPLOY_ENV: \"{environment}\"}}"));
        var request = Request(Cmd(IntentNames.Deploy, "checkout", "dev"));
        var result = await router.ExecuteAsync(request, default);

        Assert.True(result.Succeeded, result.Text);
        var (pipeline, variables) = Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/search", request.Key.Value));
        Assert.Equal("trigger", pipeline.Source);
        Assert.Contains(variables, v => v.Key == "DEPLOY_ENV" && v.Value == "dev");
    }

    [Fact]
    public async Task A_missing_trigger_token_is_named()
    {
        var router = sandbox.RouterFor(Catalog("gitlab: {project: shop/search, trigger_token_env: NO_SUCH_TOKEN_SET}"));
        var result = await router.ExecuteAsync(Request(Cmd(IntentNames.Deploy, "checkout", "dev")), default);

        Assert.False(result.Succeeded);
        Assert.Contains("`NO_SUCH_TOKEN_SET`, which is not set", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_token_is_told_apart_from_a_missing_project()
    {
        var options = Options.Create(new GitLabOptions { BaseUrl = sandbox.Host.GitLabUrl, Token = sandbox.Host.Tokens.GitLabReadOnlyToken });
        using var http = new HttpClient(new GitLabAuthHandler(options) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = options.Value.ApiBase };
        var executor = new GitLabExecutor(RestService.ForGenerated<IGitLabApi>(http, BackendJson.Refit()), options);

        var result = await Assert.ThrowsAsync<ExecutorException>(() =>
            executor.RunAsync(new GitLabBinding("shop/orders", null, new Dictionary<string, string>(), null), null, new IdempotencyKey("ro-1"), default));

        Assert.Equal("The bot's GitLab token may only read (it lacks the `api` scope), so it cannot start a pipeline on shop/orders.", result.Message);
    }

    [Fact]
    public async Task The_same_key_executed_twice_runs_once()
    {
        var request = Request(Cmd(IntentNames.Deploy, "orders", "uat"));

        var first = await sandbox.Router.ExecuteAsync(request, default);
        var second = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(first.Succeeded, first.Text);
        Assert.Equal(ExecutionResult.AlreadyClaimed(request.Key), second);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/orders", request.Key.Value));
    }

    [Fact]
    public async Task Twenty_concurrent_executions_of_one_key_start_one_pipeline()
    {
        var request = Request(Cmd(IntentNames.Deploy, "inventory", "uat"));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => sandbox.Router.ExecuteAsync(request, default))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(19, results.Count(r => r == ExecutionResult.AlreadyClaimed(request.Key)));
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/inventory", request.Key.Value));
    }

    /// <summary>The example environments and a single service "checkout" bound by <paramref name="section"/> in every environment.</summary>
    private static ServiceCatalog Catalog(string section) => CatalogLoader.Parse($$"""
        environments: [{name: dev}, {name: uat}]
        services:
          - name: checkout
            bindings:
              default:
                {{section}}
        """);
}
