using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Kubernetes;

internal sealed partial class KubeWorld
{
    public static KubeWorld Seed(SandboxSeed seed, DateTimeOffset now, StepDurations steps)
    {
        var world = new KubeWorld();
        var logSpan = PodLogs.Interval * seed.LogLinesPerPod;
        foreach (var ns in seed.Namespaces)
        {
            world.Namespaces.Add(world.Touch(new KubeNamespace
            {
                Name = ns,
                Uid = Deterministic.Uid("ns:" + ns),
                CreatedAt = now.AddDays(-90),
                Labels = new() { ["kubernetes.io/metadata.name"] = ns },
            }));
            for (var i = 0; i < seed.Services.Count; i++)
            {
                var service = seed.Services[i].Name;
                var deployment = world.SeedDeployment(seed, ns, service, now);
                var rolledAt = now.AddDays(-2).AddHours(-i);
                var old = world.AddReplicaSet(deployment, Containers(service, seed.ImageFor(ns, service).Split(':')[0] + ":v1.4.2"), new Dictionary<string, string>(), 1, now.AddDays(-60));
                var current = world.AddReplicaSet(deployment, deployment.Containers, new Dictionary<string, string>(), 2, rolledAt);
                old.Replicas = 0;
                current.Replicas = deployment.Replicas;
                deployment.Current = current;
                for (var n = 0; n < deployment.Replicas; n++)
                {
                    var restarts = ns == "prod" && service == "payments" && n == 0 ? 3 : 0;
                    world.NewPod(current, rolledAt.AddSeconds(n * 20), steps, restarts, now - logSpan);
                }

                deployment.Available.Set(true, "MinimumReplicasAvailable", "Deployment has minimum availability.", rolledAt.AddSeconds(30));
                deployment.Progressing.Set(true, "NewReplicaSetAvailable", $"ReplicaSet \"{current.Name}\" has successfully progressed.", rolledAt.AddSeconds(40));
            }
        }

        world.SeedWarnings(now);
        return world;
    }

    private KubeDeployment SeedDeployment(SandboxSeed seed, string ns, string service, DateTimeOffset now)
    {
        var deployment = Touch(new KubeDeployment
        {
            Name = service,
            Namespace = ns,
            Uid = Deterministic.Uid($"deploy:{ns}/{service}"),
            CreatedAt = now.AddDays(-60),
            Labels = new() { ["app"] = service },
            App = service,
            Containers = Containers(service, seed.ImageFor(ns, service)),
            Replicas = seed.ReplicasFor(ns),
            Generation = 2,
            ObservedGeneration = 2,
        });
        Deployments.Add(deployment);
        return deployment;
    }

    public KubeReplicaSet AddReplicaSet(KubeDeployment d, IReadOnlyList<KubeContainer> containers,
        IReadOnlyDictionary<string, string> annotations, int revision, DateTimeOffset created)
    {
        var template = string.Join('|', containers.Select(c => c.Image).Concat(annotations.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")));
        var hash = Deterministic.KubeSuffix($"{d.Namespace}/{d.Name}|{template}", 10);
        var rs = Touch(new KubeReplicaSet
        {
            Name = $"{d.Name}-{hash}",
            Namespace = d.Namespace,
            Uid = Deterministic.Uid($"rs:{d.Namespace}/{d.Name}-{hash}"),
            CreatedAt = created,
            Labels = new() { ["app"] = d.App, ["pod-template-hash"] = hash },
            Owner = d,
            Hash = hash,
            Revision = revision,
            Containers = containers,
            TemplateAnnotations = new Dictionary<string, string>(annotations),
        });
        ReplicaSets.Add(rs);
        return rs;
    }

    private static List<KubeContainer> Containers(string service, string image) => service == "gateway"
        ? [new(service, image, 8080), new("istio-proxy", "docker.io/istio/proxyv2:1.22.3", 15090)]
        : [new(service, image, 8080)];

    private void SeedWarnings(DateTimeOffset now)
    {
        Warn("prod", "payments", "BackOff", "Back-off restarting failed container payments in pod {pod}", now.AddMinutes(-4), 7);
        Warn("staging", "search", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503", now.AddMinutes(-9), 12);
        Warn("uat", "checkout", "Unhealthy", "Liveness probe failed: Get \"http://{ip}:8080/healthz\": context deadline exceeded", now.AddMinutes(-17), 3);
        Warn("qa", "inventory", "FailedMount", "MountVolume.SetUp failed for volume \"config\" : configmap \"inventory-config\" not found", now.AddHours(-1), 2);
    }

    private void Warn(string ns, string service, string reason, string message, DateTimeOffset when, int count)
    {
        if (Pods.FirstOrDefault(p => p.Namespace == ns && p.Owner.Owner.Name == service) is { } pod)
        {
            var text = message.Replace("{pod}", $"{pod.Name}_{ns}({pod.Uid})", StringComparison.Ordinal).Replace("{ip}", pod.PodIp, StringComparison.Ordinal);
            AddEvent(pod, "Pod", "Warning", reason, text, when, "kubelet", $"spec.containers{{{service}}}", count);
        }
    }
}
