using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Zadig;

/// <summary>Sends the per-workflow webhook (contract §7.1) and the legacy task callback (§6.2).</summary>
internal sealed class ZadigNotifier(HookSender sender, SandboxTokens tokens, Func<string> web, Func<Uri?> target)
{
    private static readonly HashSet<string> Subscribed = ["passed", "failed", "timeout", "cancelled", "reject", "wait_for_approval"];

    public void Workflow(ZadigTask task, string status)
    {
        if (target() is not { } url || task.Callback is not null || !Subscribed.Contains(status))
        {
            return;
        }

        sender.Enqueue(new HookDelivery(url, ZadigJson.WorkflowHook(task, status, web()).ToJsonString(),
        [
            new("X-Zadig-Token", tokens.ZadigHookSecret),
            new("X-Zadig-Instance", web()),
            new("X-Zadig-Event", "workflow"),
            new("X-Zadig-Event-UUID", Guid.NewGuid().ToString()),
            new("X-Zadig-Webhook-UUID", Guid.NewGuid().ToString()),
        ]));
    }

    /// <summary>POSTs once, without auth or retry, when a legacy task reaches passed, failed, timeout or cancelled.</summary>
    public void Callback(ZadigTask task)
    {
        if (task.Callback is not { } callback || task.Status is not ("passed" or "failed" or "timeout" or "cancelled"))
        {
            return;
        }

        if (!Uri.TryCreate(Uri.UnescapeDataString(callback.Url), UriKind.Absolute, out var url))
        {
            return;
        }

        var body = new JsonObject
        {
            ["status"] = task.Status,
            ["task_id"] = task.Id,
            ["workflow_name"] = task.Workflow.Key,
            ["error"] = task.Error,
            ["vars"] = callback.Vars.DeepClone(),
            ["images"] = ZadigJson.Images(task),
        };
        sender.Enqueue(new HookDelivery(url, body.ToJsonString(), []));
    }
}
