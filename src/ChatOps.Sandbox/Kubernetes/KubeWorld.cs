using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>All Kubernetes state behind one lock, with a cluster-wide resourceVersion counter.</summary>
internal sealed partial class KubeWorld
{
    private static readonly string[] Nodes = ["sandbox-worker-1", "sandbox-worker-2", "sandbox-worker-3"];
    private long _resourceVersion = 41_000;
    private int _podCounter;

    public Lock Gate { get; } = new();

    public List<KubeNamespace> Namespaces { get; } = [];

    public List<KubeDeployment> Deployments { get; } = [];

    public List<KubeReplicaSet> ReplicaSets { get; } = [];

    public List<KubePod> Pods { get; } = [];

    public List<KubeEvent> Events { get; } = [];

    public long ResourceVersion => _resourceVersion;

    public T Touch<T>(T item) where T : KubeObject
    {
        item.ResourceVersion = ++_resourceVersion;
        return item;
    }

    public KubeDeployment? FindDeployment(string ns, string name) =>
        Deployments.FirstOrDefault(d => d.Namespace == ns && d.Name == name);

    public IEnumerable<KubePod> PodsOf(KubeReplicaSet rs) => Pods.Where(p => p.Owner == rs);

    /// <summary>Creates a pod of a ReplicaSet named like the real controller: deployment-hash-xxxxx.</summary>
    public KubePod NewPod(KubeReplicaSet rs, DateTimeOffset created, StepDurations steps, int restarts = 0, DateTimeOffset? logStart = null)
    {
        var serial = ++_podCounter;
        var name = $"{rs.Owner.Name}-{rs.Hash}-{Deterministic.KubeSuffix($"{rs.Name}#{serial}", 5)}";
        var node = Deterministic.Int(name) % Nodes.Length;
        var ready = created + steps.PodStart;
        var pod = Touch(new KubePod
        {
            Name = name,
            Namespace = rs.Namespace,
            Uid = Deterministic.Uid("pod:" + rs.Namespace + "/" + name),
            CreatedAt = created,
            Labels = new() { ["app"] = rs.Owner.App, ["pod-template-hash"] = rs.Hash },
            Owner = rs,
            Node = Nodes[node],
            HostIp = $"172.18.0.{node + 2}",
            PodIp = $"10.244.{node + 1}.{(serial % 250) + 2}",
            StartedAt = created + (steps.PodStart / 2),
            ReadyAt = ready,
            LogStart = logStart ?? ready,
            RestartCount = restarts,
            LastTerminatedAt = restarts > 0 ? created.AddMinutes(-1) : null,
        });
        Pods.Add(pod);
        return pod;
    }

    public KubeEvent AddEvent(KubeObject regarding, string kind, string type, string reason, string message, DateTimeOffset when,
        string component, string? fieldPath = null, int count = 1)
    {
        var name = $"{regarding.Name}.{Deterministic.Sha($"{regarding.Uid}:{reason}:{message}:{when.Ticks}")[..16]}";
        var ev = Touch(new KubeEvent
        {
            Name = name,
            Namespace = regarding.Namespace,
            Uid = Deterministic.Uid("event:" + name),
            CreatedAt = when.AddSeconds(-(count - 1) * 30),
            Type = type,
            Reason = reason,
            Message = message,
            Regarding = regarding,
            RegardingKind = kind,
            FieldPath = fieldPath,
            Component = component,
            Host = regarding is KubePod pod ? pod.Node : null,
            Count = count,
            LastSeen = when,
        });
        Events.Add(ev);
        return ev;
    }
}
