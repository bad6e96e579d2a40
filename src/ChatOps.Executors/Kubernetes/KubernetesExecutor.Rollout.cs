using System.Globalization;
using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using k8s;
using k8s.Models;

namespace ChatOps.Executors.Kubernetes;

public sealed partial class KubernetesExecutor
{
    /// <summary>The annotation <c>kubectl rollout restart</c> sets on the pod template.</summary>
    public const string RestartedAt = "kubectl.kubernetes.io/restartedAt";

    /// <summary>The annotation on the Deployment naming the request that last restarted it, so a restart cut off by the bot's own restart is found again.</summary>
    public const string RequestAnnotation = "chatops.io/request";

    /// <summary>Where a rollout stands, in kubectl's words; the run handle's status is progressing, complete or failed.</summary>
    public async Task<ExecutionResult> RolloutStatusAsync(KubernetesBinding target, CancellationToken cancellationToken)
    {
        var d = await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false);
        var (status, text) = Rollout(d);
        return new ExecutionResult(status != "failed", $"{text}\nImages: {string.Join(", ", d.Spec.Template.Spec.Containers.Select(c => c.Image))}",
            Handle(target, status));
    }

    /// <summary>Describes a restart or scale before it runs, after checking the Deployment exists.</summary>
    public async Task<ExecutionPlan> PlanChangeAsync(KubernetesBinding target, int? replicas, CancellationToken cancellationToken)
    {
        try
        {
            var d = await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false);
            var now = d.Spec.Replicas ?? 0;
            return replicas switch
            {
                null => new ExecutionPlan(true, $"rollout restart of deployment {Where(target)} ({now} pods replaced one by one)"),
                < 0 => new ExecutionPlan(false, $"scale deployment {Where(target)}", "The number of replicas cannot be negative."),
                { } n => new ExecutionPlan(true, $"scale deployment {Where(target)} from {now} to {n} replicas"),
            };
        }
        catch (ExecutorException ex)
        {
            return new ExecutionPlan(false, $"change deployment {Where(target)}", ex.Message);
        }
    }

    /// <summary><c>kubectl rollout restart</c>: stamps restartedAt on the pod template, which makes the controller replace every pod.</summary>
    public async Task<ExecutionResult> RestartAsync(KubernetesBinding target, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var stamp = Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var patch = "{\"metadata\":{\"annotations\":{\"" + RequestAnnotation + "\":" + System.Text.Json.JsonSerializer.Serialize(key.Value) + "}},"
            + "\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"" + RestartedAt + "\":\"" + stamp + "\"}}}}}";
        try
        {
            var d = await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch),
                target.Deployment, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ExecutionResult(true,
                $"Restarting deployment {Where(target)}: {d.Spec.Replicas ?? 0} pods will be replaced (restartedAt {stamp}); ask for the rollout status to follow it.",
                Handle(target, "progressing"));
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            // why: the patch sets one fixed value, so sending it again after a lost answer changes nothing twice
            if (MayHaveRun(ex, cancellationToken) && await RestartedWithAsync(target, stamp, cancellationToken).ConfigureAwait(false))
            {
                return new ExecutionResult(true, $"Restarting deployment {Where(target)} (restartedAt {stamp}).", Handle(target, "progressing"));
            }

            throw Explain(ex, $"restart deployment {target.Deployment} in {target.Namespace}", NoDeployment(target));
        }
    }

    /// <summary>Sets the replica count through the scale subresource.</summary>
    public async Task<ExecutionResult> ScaleAsync(KubernetesBinding target, int replicas, CancellationToken cancellationToken)
    {
        if (replicas < 0)
        {
            throw new ExecutorException("The number of replicas cannot be negative.");
        }

        var before = (await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false)).Spec.Replicas ?? 0;
        try
        {
            var scale = await client.AppsV1.PatchNamespacedDeploymentScaleAsync(
                new V1Patch("{\"spec\":{\"replicas\":" + replicas.ToString(CultureInfo.InvariantCulture) + "}}", V1Patch.PatchType.MergePatch), target.Deployment, target.Namespace,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            var text = before == replicas
                ? $"Deployment {Where(target)} already runs {replicas} replicas; nothing changed."
                : $"Scaled deployment {Where(target)} from {before} to {scale.Spec.Replicas} replicas.";
            return new ExecutionResult(true, text, before == replicas ? null : Handle(target, "progressing"));
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            throw Explain(ex, $"scale deployment {target.Deployment} in {target.Namespace}", NoDeployment(target));
        }
    }

    /// <summary>What became of a restart cut off by the bot's restart: adopted when the Deployment names this request, never started when it names none.
    /// Another request's name means it was restarted since, and whether this one ran cannot be told.</summary>
    public async Task<Recovery> FindRestartAsync(KubernetesBinding target, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var d = await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false);
        var annotations = d.Metadata.Annotations;
        if (annotations is null || !annotations.TryGetValue(RequestAnnotation, out var request)) return Recovery.NotStarted;
        if (request != key.Value) return Recovery.Unknown;
        var (status, _) = Rollout(d);
        var stamp = d.Spec.Template.Metadata?.Annotations is { } template && template.TryGetValue(RestartedAt, out var at) ? at : "?";
        return new Recovery(new ExecutionResult(true, $"The bot restarted while restarting deployment {Where(target)}; Kubernetes shows this request's restart was made "
            + $"(restartedAt {stamp}).", Handle(target, status == "complete" ? "complete" : "progressing")), false);
    }

    /// <summary>What became of a scale cut off by the bot's restart: the replica count is absolute, so setting it again cannot change anything twice.</summary>
    public async Task<Recovery> FindScaleAsync(KubernetesBinding target, int replicas, CancellationToken cancellationToken)
    {
        var d = await ReadDeploymentAsync(target, cancellationToken).ConfigureAwait(false);
        return (d.Spec.Replicas ?? 0) == replicas
            ? new Recovery(new ExecutionResult(true, $"The bot restarted while scaling deployment {Where(target)}; it runs {replicas} replicas as asked.",
                Handle(target, "progressing")), false)
            : Recovery.NotStarted;
    }

    private async Task<bool> RestartedWithAsync(KubernetesBinding target, string stamp, CancellationToken cancellationToken)
    {
        try
        {
            var d = await client.AppsV1.ReadNamespacedDeploymentAsync(target.Deployment, target.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return d.Spec.Template.Metadata?.Annotations?.TryGetValue(RestartedAt, out var value) == true && value == stamp;
        }
        catch (Exception ex) when (!Caller(ex, cancellationToken))
        {
            return false;
        }
    }

    private static RunHandle Handle(KubernetesBinding target, string status) =>
        new(Backend, $"{target.Namespace}/deployments/{target.Deployment}", null, status);

    /// <summary>kubectl's DeploymentStatusViewer: progressing, complete or failed, with its sentence.</summary>
    internal static (string Status, string Text) Rollout(V1Deployment d)
    {
        var name = ChatText.Code(d.Metadata.Name);
        var s = d.Status ?? new V1DeploymentStatus();
        if ((d.Metadata.Generation ?? 0) > (s.ObservedGeneration ?? 0))
        {
            return ("progressing", $"Waiting for deployment {name} spec update to be observed...");
        }

        if (s.Conditions?.FirstOrDefault(c => c.Type == "Progressing") is { Reason: "ProgressDeadlineExceeded" })
        {
            return ("failed", $"Deployment {name} exceeded its progress deadline.");
        }

        var desired = d.Spec.Replicas ?? 1;
        var updated = s.UpdatedReplicas ?? 0;
        return updated < desired ? ("progressing", $"Waiting for deployment {name} rollout to finish: {updated} out of {desired} new replicas have been updated...")
            : (s.Replicas ?? 0) > updated ? ("progressing", $"Waiting for deployment {name} rollout to finish: {(s.Replicas ?? 0) - updated} old replicas are pending termination...")
            : (s.AvailableReplicas ?? 0) < updated ? ("progressing", $"Waiting for deployment {name} rollout to finish: {s.AvailableReplicas ?? 0} of {updated} updated replicas are available...")
            : ("complete", $"Deployment {name} successfully rolled out.");
    }
}
