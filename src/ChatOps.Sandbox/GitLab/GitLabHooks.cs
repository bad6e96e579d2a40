using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.GitLab;

/// <summary>Raises Pipeline Hook and Job Hook deliveries with the contract §6 headers.</summary>
internal sealed class GitLabHooks(HookSender sender, SandboxTokens tokens, Func<string> web, Func<Uri?> target)
{
    public void Pipeline(GitLabPipeline pipeline) =>
        Send("Pipeline Hook", GitLabJson.PipelineHook(pipeline, web()));

    public void Job(GitLabJob job) => Send("Job Hook", GitLabJson.JobHook(job));

    private void Send(string eventName, JsonObject payload)
    {
        if (target() is not { } url)
        {
            return;
        }

        var eventId = Guid.NewGuid().ToString();
        sender.Enqueue(new HookDelivery(url, payload.ToJsonString(),
        [
            new("User-Agent", "GitLab/17.5.0"),
            new("X-Gitlab-Event", eventName),
            new("X-Gitlab-Token", tokens.GitLabHookSecret),
            new("X-Gitlab-Instance", web()),
            new("X-Gitlab-Webhook-UUID", Deterministic.Uid("sandbox-gitlab-hook")),
            new("X-Gitlab-Event-UUID", eventId),
            new("Idempotency-Key", eventId),
        ]));
    }
}
