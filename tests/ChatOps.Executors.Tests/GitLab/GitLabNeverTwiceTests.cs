using System.Diagnostics;
using System.Net;
using ChatOps.Core.Commands;
using ChatOps.Executors.Tests.Support;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.GitLab;

/// <summary>Resilience and the never-twice rule: reads are retried, a pipeline creation never is, and a lost answer is looked for.</summary>
public sealed class GitLabNeverTwiceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly Func<HttpRequestMessage, bool> CreatePipeline =
        r => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/pipeline", StringComparison.Ordinal);

    public void Dispose() => sandbox.ResetFaults();

    [Fact]
    public async Task A_read_answered_429_waits_for_Retry_After_and_then_succeeds()
    {
        var knobs = sandbox.Host.Knobs.GitLab;
        knobs.RetryAfter = TimeSpan.FromSeconds(1);
        knobs.RateLimitRate = 1;
        var limited = 0;
        sandbox.GitLabFaults.OnResponse = r =>
        {
            if (r.StatusCode == HttpStatusCode.TooManyRequests && Interlocked.Increment(ref limited) == 1)
            {
                knobs.RateLimitRate = 0;
            }
        };
        var clock = Stopwatch.StartNew();

        var result = await sandbox.Router.ExecuteAsync(Request(Cmd(IntentNames.PipelineStatus, "gateway", "dev")), default);

        Assert.Equal("There is no pipeline on `main` in platform/gateway yet.", result.Text);
        Assert.Equal(1, limited);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before Retry-After");
    }

    [Fact]
    public async Task A_creation_answered_429_is_sent_again_after_Retry_After_and_starts_one_pipeline()
    {
        var knobs = sandbox.Host.Knobs.GitLab;
        await sandbox.GitLab.ProjectAsync(sandbox.Catalog.FindBinding("auth", "dev")!.GitLab!, default);
        knobs.RetryAfter = TimeSpan.FromSeconds(1);
        knobs.RateLimitRate = 1;
        sandbox.GitLabFaults.OnResponse = r =>
        {
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                knobs.RateLimitRate = 0;
            }
        };
        var request = Request(Cmd(IntentNames.Deploy, "auth", "dev", "main"));

        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(result.Succeeded, result.Text);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "platform/auth", request.Key.Value));
        Assert.Equal(2, sandbox.GitLabFaults.Seen.Count(s => s.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Injected_5xx_never_yields_two_pipelines_for_one_request()
    {
        await sandbox.GitLab.ProjectAsync(sandbox.Catalog.FindBinding("payments", "qa")!.GitLab!, default);
        sandbox.Host.Knobs.GitLab.ServerErrorRate = 0.5;
        var requests = Enumerable.Range(0, 12).Select(_ => Request(Cmd(IntentNames.Deploy, "payments", "qa", "main"))).ToList();
        var results = new List<Core.Execution.ExecutionResult>();
        foreach (var request in requests)
        {
            results.Add(await sandbox.Router.ExecuteAsync(request, default));
        }

        sandbox.Host.Knobs.GitLab.ServerErrorRate = 0;
        var pipelines = await GitLabProbe.PipelinesAsync(sandbox.GitLabApi, "shop/payments");
        var perKey = requests.Select(r => pipelines.Count(p => p.Variables.Any(v => v.Key == "CHATOPS_REQUEST" && v.Value == r.Key.Value))).ToList();
        Assert.All(perKey, n => Assert.InRange(n, 0, 1));
        Assert.Equal(results.Count(r => r.Succeeded), perKey.Sum());
        Assert.Contains(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith("GitLab", r.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FaultPlan.FaultKind.BadGateway)]
    [InlineData(FaultPlan.FaultKind.Hang)]
    [InlineData(FaultPlan.FaultKind.ConnectionReset)]
    public async Task A_lost_answer_after_the_pipeline_was_created_adopts_it_instead_of_creating_another(FaultPlan.FaultKind kind)
    {
        sandbox.GitLabFaults.LoseAnswer(CreatePipeline, kind);
        var request = Request(Cmd(IntentNames.Deploy, "notifications", "qa"));

        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(result.Succeeded, result.Text);
        Assert.Contains("GitLab's first answer was lost; this is the pipeline that request created", result.Text, StringComparison.Ordinal);
        var (pipeline, _) = Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/notifications", request.Key.Value));
        Assert.EndsWith($"/pipelines/{pipeline.Id}", result.Run!.RunId, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.GitLabFaults.Seen.Count(s => s.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task When_the_request_never_arrived_it_is_sent_once_more_after_looking()
    {
        sandbox.GitLabFaults.LoseAnswer(CreatePipeline, FaultPlan.FaultKind.Unsent);
        var request = Request(Cmd(IntentNames.Deploy, "search", "uat"));

        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.True(result.Succeeded, result.Text);
        Assert.DoesNotContain("lost", result.Text, StringComparison.Ordinal);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/search", request.Key.Value));
        Assert.Equal(2, sandbox.GitLabFaults.Seen.Count(s => s.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_failed_sends_stop_there_and_say_nothing_was_created()
    {
        sandbox.GitLabFaults.LoseAnswer(CreatePipeline, FaultPlan.FaultKind.Unsent, times: 5);
        var request = Request(Cmd(IntentNames.Deploy, "search", "dev"));

        var result = await sandbox.Router.ExecuteAsync(request, default);

        Assert.False(result.Succeeded);
        Assert.Equal("GitLab failed while the bot tried to start a pipeline on shop/search (tried twice; no pipeline was created) (502: bad gateway); try again later.", result.Text);
        Assert.Empty(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/search", request.Key.Value));
        Assert.Equal(2, sandbox.GitLabFaults.Seen.Count(s => s.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task When_the_answer_is_lost_and_GitLab_cannot_be_asked_the_bot_does_not_try_again()
    {
        var knobs = sandbox.Host.Knobs.GitLab;
        sandbox.GitLabFaults.LoseAnswer(CreatePipeline, FaultPlan.FaultKind.BadGateway);
        sandbox.GitLabFaults.OnResponse = r =>
        {
            if (r.RequestMessage?.Method == HttpMethod.Post)
            {
                knobs.ServerErrorRate = 1;
            }
        };
        var request = Request(Cmd(IntentNames.Deploy, "cart", "staging"));

        var result = await sandbox.Router.ExecuteAsync(request, default);

        knobs.ServerErrorRate = 0;
        Assert.False(result.Succeeded);
        Assert.Contains("could not check whether the pipeline started anyway, so it will not start another", result.Text, StringComparison.Ordinal);
        Assert.Contains($"CHATOPS_REQUEST={request.Key}", result.Text, StringComparison.Ordinal);
        Assert.Single(await GitLabProbe.WithKeyAsync(sandbox.GitLabApi, "shop/cart", request.Key.Value));
    }
}
