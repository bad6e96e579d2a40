using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Kubernetes;

internal static partial class KubeJson
{
    public static JsonObject Pod(KubePod p, DateTimeOffset now)
    {
        var extra = new JsonObject { ["generateName"] = $"{p.Owner.Owner.Name}-{p.Owner.Hash}-" };
        if (p.DeletedAt is { } deleted)
        {
            extra["deletionTimestamp"] = Time(deleted.AddSeconds(30));
            extra["deletionGracePeriodSeconds"] = 30;
        }

        var meta = Meta(p, extra);
        meta["ownerReferences"] = new JsonArray(OwnerReference("apps/v1", "ReplicaSet", p.Owner));
        return new JsonObject
        {
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["containers"] = ContainerSpecs(p.Containers),
                ["restartPolicy"] = "Always",
                ["terminationGracePeriodSeconds"] = 30,
                ["dnsPolicy"] = "ClusterFirst",
                ["serviceAccountName"] = "default",
                ["serviceAccount"] = "default",
                ["nodeName"] = p.Node,
                ["securityContext"] = new JsonObject(),
                ["schedulerName"] = "default-scheduler",
                ["priority"] = 0,
                ["enableServiceLinks"] = true,
                ["preemptionPolicy"] = "PreemptLowerPriority",
            },
            ["status"] = PodStatus(p, now),
        };
    }

    private static JsonObject PodStatus(KubePod p, DateTimeOffset now)
    {
        var started = p.IsStarted(now);
        var ready = p.IsReady(now);
        var status = new JsonObject
        {
            ["phase"] = started ? "Running" : "Pending",
            ["conditions"] = new JsonArray(
                PodCondition("Initialized", true, p.CreatedAt),
                PodCondition("Ready", ready, ready ? p.ReadyAt : p.CreatedAt, p),
                PodCondition("ContainersReady", ready, ready ? p.ReadyAt : p.CreatedAt, p),
                PodCondition("PodScheduled", true, p.CreatedAt)),
            ["hostIP"] = p.HostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = p.HostIp }),
        };
        if (started)
        {
            status["podIP"] = p.PodIp;
            status["podIPs"] = new JsonArray(new JsonObject { ["ip"] = p.PodIp });
        }

        status["startTime"] = Time(p.CreatedAt);
        status["containerStatuses"] = new JsonArray(p.Containers.Select(c => (JsonNode?)ContainerStatus(p, c, started, ready)).ToArray());
        status["qosClass"] = "BestEffort";
        return status;
    }

    private static JsonObject ContainerStatus(KubePod p, KubeContainer c, bool started, bool ready)
    {
        var containerId = "containerd://" + Deterministic.Sha($"{p.Uid}/{c.Name}/{p.RestartCount}") + Deterministic.Sha(c.Name)[..24];
        var restarts = c.Name == p.Owner.Owner.App ? p.RestartCount : 0;
        var lastState = new JsonObject();
        if (restarts > 0 && p.LastTerminatedAt is { } crashed)
        {
            lastState["terminated"] = new JsonObject
            {
                ["exitCode"] = 1,
                ["reason"] = "Error",
                ["startedAt"] = Time(crashed.AddMinutes(-6)),
                ["finishedAt"] = Time(crashed),
                ["containerID"] = containerId[..^8] + "00000000",
            };
        }

        var body = new JsonObject
        {
            ["name"] = c.Name,
            ["state"] = started
                ? new JsonObject { ["running"] = new JsonObject { ["startedAt"] = Time(restarts > 0 && p.LastTerminatedAt is { } t ? t.AddSeconds(20) : p.StartedAt) } }
                : new JsonObject { ["waiting"] = new JsonObject { ["reason"] = "ContainerCreating" } },
            ["lastState"] = lastState,
            ["ready"] = ready,
            ["restartCount"] = restarts,
            ["image"] = c.Image,
            ["imageID"] = started ? $"{c.Image.Split(':')[0]}@sha256:{Deterministic.Sha(c.Image)}{Deterministic.Sha(c.Image)[..24]}" : "",
        };
        if (started)
        {
            body["containerID"] = containerId;
        }

        body["started"] = started;
        return body;
    }

    private static JsonObject PodCondition(string type, bool status, DateTimeOffset since, KubePod? pod = null)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = Time(since),
        };
        if (!status && pod is not null)
        {
            condition["reason"] = "ContainersNotReady";
            condition["message"] = $"containers with unready status: [{string.Join(' ', pod.Containers.Select(c => c.Name))}]";
        }

        return condition;
    }
}
