using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Tests.Support;
using k8s;
using Microsoft.Extensions.DependencyInjection;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Kubernetes;

public sealed class KubernetesExecutorTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => sandbox.ResetFaults();

    [Fact]
    public async Task Pods_are_listed_like_kubectl_with_ready_status_restarts_age_and_node()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sPods, "checkout", "uat"), default);
        var result = await RunAsync(Cmd(IntentNames.K8sPods, "checkout", "uat"));

        Assert.Equal("list the pods of deployment `checkout` in namespace `uat` (app=checkout)", plan.Description);
        Assert.StartsWith("Pods of `checkout` in namespace `uat` (app=checkout):\n```", result.Text, StringComparison.Ordinal);
        TextAssert.HasRow(result.Text, "NAME", "READY", "STATUS", "RESTARTS", "AGE", "NODE");
        TextAssert.IsAligned(result.Text, "NAME");
        var rows = result.Text.Split('\n').Where(l => l.StartsWith("checkout-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^checkout-\S+\s+1/1\s+Running\s+0\s+\dd(\d+h)?\s+sandbox-worker-\d$", r));
    }

    [Fact]
    public async Task Logs_are_cut_to_the_chat_budget_with_the_full_text_attached()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sLogs, "orders", "qa", lines: 100), default);
        var result = await RunAsync(Cmd(IntentNames.K8sLogs, "orders", "qa", lines: 100));

        Assert.Matches(@"^show the log of pod `orders-\S+`, container `orders`, last 100 lines$", plan.Description);
        Assert.Matches(@"container `orders` \(last 100 lines\); showing last \d+ of 100 lines \(\d+\.?\d* KB\); full log attached\n```", result.Text);
        Assert.True(result.Text.Length < 3300, $"reply is {result.Text.Length} characters");
        Assert.Equal(100, result.Attachment!.TrimEnd('\n').Split('\n').Length);
        Assert.EndsWith(result.Attachment.TrimEnd('\n').Split('\n')[^1] + "\n```", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_since_a_time_window_fit_without_an_attachment_and_sidecars_are_skipped()
    {
        var result = await RunAsync(Cmd(IntentNames.K8sLogs, "gateway", "dev", since: 60));

        Assert.Matches(@"^Log of pod `gateway-\S+`, container `gateway` \(all lines of the last 60s\); 1[01] lines \(1\.\d KB\)\n```", result.Text);
        Assert.Null(result.Attachment);
        Assert.DoesNotContain("via_upstream", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_previous_container_log_shows_why_it_crashed_and_a_wrong_container_is_named()
    {
        var target = sandbox.Catalog.FindBinding("payments", "prod")!.Kubernetes!;
        var pods = await sandbox.Services.GetRequiredService<IKubernetes>().CoreV1.ListNamespacedPodAsync("prod", labelSelector: "app=payments");
        var crashed = pods.Items.Single(p => p.Status.ContainerStatuses[0].RestartCount > 0).Metadata.Name;

        var previous = await sandbox.Kubernetes.LogsAsync(target, new LogRequest(Pod: crashed, Previous: true, Lines: 5), default);
        var wrong = await Assert.ThrowsAsync<ExecutorException>(() => sandbox.Kubernetes.LogsAsync(target, new LogRequest(Container: "sidecar"), default));

        Assert.Contains("previous (crashed) container `payments`", previous.Text, StringComparison.Ordinal);
        Assert.Contains("FATAL payments unable to start", previous.Text, StringComparison.Ordinal);
        Assert.Matches(@"^Pod `payments-\S+` has no container `sidecar`; it has `payments`\.$", wrong.Message);
    }

    [Fact]
    public async Task Describe_shows_replicas_images_conditions_and_events()
    {
        var deployment = await RunAsync(Cmd(IntentNames.K8sDescribe, "search", "staging"));
        var pods = await sandbox.Services.GetRequiredService<IKubernetes>().CoreV1.ListNamespacedPodAsync("prod", labelSelector: "app=payments");
        var crashed = pods.Items.Single(p => p.Status.ContainerStatuses[0].RestartCount > 0).Metadata.Name;
        var pod = await RunAsync(Cmd(IntentNames.K8sDescribe, "payments", "prod", pod: crashed[..^2]));

        Assert.Contains("Replicas: 2 desired, 2 updated, 2 total, 2 available, 0 unavailable", deployment.Text, StringComparison.Ordinal);
        Assert.Contains("Images: search=registry.sandbox.local/shop/search:v2.3.1", deployment.Text, StringComparison.Ordinal);
        TextAssert.HasRow(deployment.Text, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.");
        Assert.Contains($"Pod `{crashed}` in namespace `prod`", pod.Text, StringComparison.Ordinal);
        Assert.Contains("BackOff", pod.Text, StringComparison.Ordinal);
        Assert.Matches(@"payments\s+registry\.sandbox\.local/shop/payments:v2\.3\.0\s+Running\s+yes\s+3", pod.Text);
    }

    [Fact]
    public async Task Warning_events_of_a_namespace_are_listed_newest_last()
    {
        var all = await RunAsync(Cmd(IntentNames.K8sEvents, environment: "prod"));
        var mine = await RunAsync(Cmd(IntentNames.K8sEvents, "checkout", "uat"));
        var none = await RunAsync(Cmd(IntentNames.K8sEvents, "cart", "dev"));

        Assert.StartsWith("Warning events in namespace `prod`:", all.Text, StringComparison.Ordinal);
        Assert.Matches(@"\d+m \(x7\)\s+Warning\s+BackOff\s+pod/payments-\S+\s+Back-off restarting failed container payments", all.Text);
        Assert.Contains("Liveness probe failed", mine.Text, StringComparison.Ordinal);
        Assert.Equal("No warning events in namespace `dev` about `cart`.", none.Text);
    }

    [Fact]
    public async Task Restart_stamps_restartedAt_and_the_rollout_completes_on_the_sandbox_clock()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sRestart, "cart", "uat"), default);
        Assert.Equal("rollout restart of deployment `cart` in namespace `uat` (2 pods replaced one by one)", plan.Description);

        var restart = await RunAsync(Cmd(IntentNames.K8sRestart, "cart", "uat"));
        Assert.Equal(new RunHandle("kubernetes", "uat/deployments/cart", null, "progressing"), restart.Run);
        var deployment = await sandbox.Services.GetRequiredService<IKubernetes>().AppsV1.ReadNamespacedDeploymentAsync("cart", "uat");
        Assert.True(DateTimeOffset.TryParse(deployment.Spec.Template.Metadata.Annotations[KubernetesExecutor.RestartedAt], out _));

        var progressing = await RunAsync(Cmd(IntentNames.K8sRollout, "cart", "uat"));
        Assert.Equal("progressing", progressing.Run!.Status);
        Assert.StartsWith("Waiting for deployment `cart`", progressing.Text, StringComparison.Ordinal);

        sandbox.Advance(TimeSpan.FromSeconds(40));
        var done = await RunAsync(Cmd(IntentNames.K8sRollout, "cart", "uat"));
        Assert.Equal("complete", done.Run!.Status);
        Assert.StartsWith("Deployment `cart` successfully rolled out.", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_changes_the_replicas_through_the_scale_subresource()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sScale, "orders", "staging", replicas: 4), default);
        var scaled = await RunAsync(Cmd(IntentNames.K8sScale, "orders", "staging", replicas: 4));
        var same = await RunAsync(Cmd(IntentNames.K8sScale, "orders", "staging", replicas: 4));
        var ask = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sScale, "orders", "staging"), default);

        Assert.Equal("scale deployment `orders` in namespace `staging` from 2 to 4 replicas", plan.Description);
        Assert.Equal("Scaled deployment `orders` in namespace `staging` from 2 to 4 replicas.", scaled.Text);
        Assert.Equal("Deployment `orders` in namespace `staging` already runs 4 replicas; nothing changed.", same.Text);
        Assert.Equal("How many replicas?", ask.Problem);
        Assert.Equal(4, (await sandbox.Services.GetRequiredService<IKubernetes>().AppsV1.ReadNamespacedDeploymentScaleAsync("orders", "staging")).Spec.Replicas);
    }

    [Fact]
    public async Task A_namespace_without_the_deployment_is_explained()
    {
        var plan = await sandbox.Router.PlanAsync(Cmd(IntentNames.K8sRestart, "cart", "uat", ns: "work-old"), default);
        var pods = await RunAsync(Cmd(IntentNames.K8sPods, "cart", "uat", ns: "work-old"));

        Assert.Equal("There is no deployment `cart` in namespace `work-old`; check the kubernetes binding in catalog.yaml.", plan.Problem);
        Assert.Equal("No pods match `app=cart` in namespace `work-old`.", pods.Text);
    }

    private Task<ExecutionResult> RunAsync(ChatCommand command) => sandbox.Router.ExecuteAsync(Request(command), default);
}
