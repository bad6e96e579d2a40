using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Kubernetes;

internal static partial class KubeJson
{
    public static JsonObject Deployment(KubeDeployment d, IReadOnlyCollection<KubePod> pods, DateTimeOffset now)
    {
        var meta = Meta(d, new JsonObject { ["generation"] = d.Generation });
        meta["annotations"] = Map(d.Annotations.Append(new("deployment.kubernetes.io/revision", Text(d.Current?.Revision ?? 1))));
        var active = pods.Where(p => p.IsActive).ToList();
        var ready = active.Count(p => p.IsReady(now));
        var status = new JsonObject { ["observedGeneration"] = d.ObservedGeneration };
        Positive(status, "replicas", active.Count);
        Positive(status, "updatedReplicas", active.Count(p => p.Owner == d.Current));
        Positive(status, "readyReplicas", ready);
        Positive(status, "availableReplicas", ready);
        Positive(status, "unavailableReplicas", active.Count - ready);
        status["conditions"] = new JsonArray(Condition(d.Available), Condition(d.Progressing));
        return new JsonObject
        {
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["replicas"] = d.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = d.App } },
                ["template"] = Template(new Dictionary<string, string> { ["app"] = d.App }, d.TemplateAnnotations, d.Containers),
                ["strategy"] = new JsonObject
                {
                    ["type"] = "RollingUpdate",
                    ["rollingUpdate"] = new JsonObject { ["maxUnavailable"] = "25%", ["maxSurge"] = "25%" },
                },
                ["revisionHistoryLimit"] = 10,
                ["progressDeadlineSeconds"] = 600,
            },
            ["status"] = status,
        };
    }

    public static JsonObject ReplicaSet(KubeReplicaSet rs, IReadOnlyCollection<KubePod> pods, DateTimeOffset now)
    {
        var d = rs.Owner;
        var meta = Meta(rs, new JsonObject { ["generation"] = 1 });
        meta["annotations"] = Map(new Dictionary<string, string>
        {
            ["deployment.kubernetes.io/desired-replicas"] = Text(d.Replicas),
            ["deployment.kubernetes.io/max-replicas"] = Text(d.Replicas + d.MaxSurge),
            ["deployment.kubernetes.io/revision"] = Text(rs.Revision),
        });
        meta["ownerReferences"] = new JsonArray(OwnerReference("apps/v1", "Deployment", d));
        var active = pods.Where(p => p.IsActive).ToList();
        var status = new JsonObject { ["replicas"] = active.Count };
        Positive(status, "fullyLabeledReplicas", active.Count);
        Positive(status, "readyReplicas", active.Count(p => p.IsReady(now)));
        Positive(status, "availableReplicas", active.Count(p => p.IsReady(now)));
        status["observedGeneration"] = 1;
        return new JsonObject
        {
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["replicas"] = rs.Replicas,
                ["selector"] = new JsonObject { ["matchLabels"] = Map(rs.Labels) },
                ["template"] = Template(rs.Labels, rs.TemplateAnnotations, rs.Containers),
            },
            ["status"] = status,
        };
    }

    /// <summary>autoscaling/v1 Scale of a Deployment; status.selector is the label selector as a string.</summary>
    public static JsonObject Scale(KubeDeployment d, IReadOnlyCollection<KubePod> pods) => new()
    {
        ["kind"] = "Scale",
        ["apiVersion"] = "autoscaling/v1",
        ["metadata"] = Meta(d),
        ["spec"] = new JsonObject { ["replicas"] = d.Replicas },
        ["status"] = new JsonObject { ["replicas"] = pods.Count(p => p.IsActive), ["selector"] = $"app={d.App}" },
    };

    private static JsonObject Condition(KubeCondition c) => new()
    {
        ["type"] = c.Type,
        ["status"] = c.Status,
        ["lastUpdateTime"] = Time(c.LastUpdate),
        ["lastTransitionTime"] = Time(c.LastTransition),
        ["reason"] = c.Reason,
        ["message"] = c.Message,
    };
}
