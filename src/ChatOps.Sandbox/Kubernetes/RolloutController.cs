using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A small Deployment controller: after a spec change it observes the new generation, creates the ReplicaSet of the
/// new template and replaces pods within maxSurge/maxUnavailable as pods become ready on the sandbox clock.</summary>
/// <remarks>Public members expect the caller to hold <see cref="KubeWorld.Gate"/>; scheduled steps take it themselves.</remarks>
internal sealed partial class RolloutController(KubeWorld world, SimClock clock, SandboxKnobs knobs)
{
    /// <summary>Records a spec change (template or replicas); the controller notices it after ControllerSync.</summary>
    public void SpecChanged(KubeDeployment deployment)
    {
        deployment.Generation++;
        world.Touch(deployment);
        Later(knobs.Steps.ControllerSync, () => Sync(deployment));
    }

    private void Sync(KubeDeployment d)
    {
        var now = clock.Now;
        d.ObservedGeneration = d.Generation;
        var template = TemplateKey(d.Containers, d.TemplateAnnotations);
        var current = world.ReplicaSets.FirstOrDefault(rs => rs.Owner == d && TemplateKey(rs.Containers, rs.TemplateAnnotations) == template);
        if (current is null)
        {
            var revision = world.ReplicaSets.Where(rs => rs.Owner == d).Max(rs => rs.Revision) + 1;
            current = world.AddReplicaSet(d, d.Containers.ToList(), new Dictionary<string, string>(d.TemplateAnnotations), revision, now);
        }
        else if (current != d.Current)
        {
            // why: rolling back to an old template reuses its ReplicaSet and gives it the newest revision, like the real controller
            current.Revision = world.ReplicaSets.Where(rs => rs.Owner == d).Max(rs => rs.Revision) + 1;
        }

        if (current != d.Current)
        {
            d.Current = current;
            d.Progressing.Set(true, "ReplicaSetUpdated", $"ReplicaSet \"{current.Name}\" is progressing.", now);
        }

        world.Touch(d);
        Reconcile(d);
    }

    private static string TemplateKey(IEnumerable<KubeContainer> containers, IReadOnlyDictionary<string, string> annotations) =>
        string.Join('|', containers.Select(c => c.Name + "=" + c.Image).Concat(annotations.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")));

    private void Later(TimeSpan delay, Action step) => clock.After(delay, () =>
    {
        lock (world.Gate)
        {
            step();
        }
    });
}
