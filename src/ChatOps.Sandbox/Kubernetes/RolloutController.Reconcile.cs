namespace ChatOps.Sandbox.Kubernetes;

internal sealed partial class RolloutController
{
    /// <summary>Scales the new ReplicaSet up and old ones down as far as availability allows, then schedules the next look.</summary>
    public void Reconcile(KubeDeployment d)
    {
        var now = clock.Now;
        var current = d.Current!;
        for (var round = 0; round < 8 && Step(d, current, now); round++)
        {
        }

        foreach (var rs in world.ReplicaSets.Where(rs => rs.Owner == d))
        {
            var active = world.PodsOf(rs).Count(p => p.IsActive);
            if (rs.Replicas != active)
            {
                rs.Replicas = active;
                world.Touch(rs);
            }
        }

        UpdateConditions(d, current, now);
        var nextReady = world.Pods.Where(p => p.IsActive && p.Owner.Owner == d && p.ReadyAt > now).Select(p => (DateTimeOffset?)p.ReadyAt).Min();
        if (nextReady is { } due)
        {
            clock.At(due, () =>
            {
                lock (world.Gate)
                {
                    Reconcile(d);
                }
            });
        }
    }

    private bool Step(KubeDeployment d, KubeReplicaSet current, DateTimeOffset now)
    {
        var fresh = world.PodsOf(current).Where(p => p.IsActive).ToList();
        var old = world.Pods.Where(p => p.IsActive && p.Owner.Owner == d && p.Owner != current).ToList();
        var wanted = d.Replicas;
        if (fresh.Count > wanted)
        {
            Terminate(d, current, fresh.OrderBy(p => p.IsReady(now)).ThenByDescending(p => p.CreatedAt).Take(fresh.Count - wanted), now);
            return true;
        }

        var create = old.Count == 0 ? wanted - fresh.Count : Math.Min(wanted - fresh.Count, wanted + d.MaxSurge - fresh.Count - old.Count);
        if (create > 0)
        {
            for (var i = 0; i < create; i++)
            {
                world.NewPod(current, now, knobs.Steps);
            }

            Event(d, $"Scaled up replica set {current.Name} from {fresh.Count} to {fresh.Count + create}", now);
            return true;
        }

        var unready = old.Where(p => !p.IsReady(now)).ToList();
        var ready = fresh.Count(p => p.IsReady(now)) + old.Count - unready.Count;
        var removable = Math.Min(old.Count - unready.Count, ready - (wanted - d.MaxUnavailable));
        var victims = unready.Concat(old.Where(p => p.IsReady(now)).OrderBy(p => p.CreatedAt).Take(Math.Max(0, removable))).ToList();
        if (victims.Count == 0)
        {
            return false;
        }

        foreach (var group in victims.GroupBy(p => p.Owner))
        {
            var before = world.PodsOf(group.Key).Count(p => p.IsActive);
            Terminate(d, group.Key, group, now);
            Event(d, $"Scaled down replica set {group.Key.Name} from {before} to {before - group.Count()}", now);
        }

        return true;
    }

    private void Terminate(KubeDeployment d, KubeReplicaSet rs, IEnumerable<KubePod> pods, DateTimeOffset now)
    {
        var list = pods.ToList();
        foreach (var pod in list)
        {
            pod.DeletedAt = now;
            world.Touch(pod);
            Later(knobs.Steps.PodStop, () => world.Pods.Remove(pod));
        }

        if (rs == d.Current && list.Count > 0)
        {
            Event(d, $"Scaled down replica set {rs.Name} from {list.Count + world.PodsOf(rs).Count(p => p.IsActive)} to {world.PodsOf(rs).Count(p => p.IsActive)}", now);
        }
    }

    private void UpdateConditions(KubeDeployment d, KubeReplicaSet current, DateTimeOffset now)
    {
        var pods = world.Pods.Where(p => p.IsActive && p.Owner.Owner == d).ToList();
        var available = pods.Count(p => p.IsReady(now));
        var updated = pods.Where(p => p.Owner == current).ToList();
        d.Available.Set(available >= d.Replicas - d.MaxUnavailable,
            available >= d.Replicas - d.MaxUnavailable ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available >= d.Replicas - d.MaxUnavailable ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now);
        var complete = updated.Count == d.Replicas && pods.Count == d.Replicas && updated.All(p => p.IsReady(now));
        if (complete)
        {
            d.Progressing.Set(true, "NewReplicaSetAvailable", $"ReplicaSet \"{current.Name}\" has successfully progressed.", now);
        }
        else
        {
            d.Progressing.Set(true, "ReplicaSetUpdated", $"ReplicaSet \"{current.Name}\" is progressing.", now);
        }

        world.Touch(d);
    }

    private void Event(KubeDeployment d, string message, DateTimeOffset now) =>
        world.AddEvent(d, "Deployment", "Normal", "ScalingReplicaSet", message, now, "deployment-controller");
}
