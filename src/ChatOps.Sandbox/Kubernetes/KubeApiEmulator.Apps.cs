using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    private const string Apps = "/apis/apps/v1";
    private const string DeploymentRoute = Apps + "/namespaces/{ns}/deployments/{name}";

    private void MapApps(WebApplication app)
    {
        app.MapGet(Apps + "/deployments", (HttpRequest r) => ListDeployments(r, null));
        app.MapGet(Apps + "/namespaces/{ns}/deployments", (HttpRequest r, string ns) => ListDeployments(r, ns));
        app.MapGet(DeploymentRoute, (string ns, string name) => WithDeployment(ns, name, d =>
            Reply.Json(KubeJson.Typed("apps/v1", "Deployment", Render(d)))));
        app.MapPatch(DeploymentRoute, (HttpRequest r, string ns, string name) => PatchAsync(r, ns, name, scale: false));
        app.MapGet(DeploymentRoute + "/scale", (string ns, string name) => WithDeployment(ns, name, d =>
            Reply.Json(KubeJson.Scale(d, PodsOf(d)))));
        app.MapPatch(DeploymentRoute + "/scale", (HttpRequest r, string ns, string name) => PatchAsync(r, ns, name, scale: true));
        app.MapPut(DeploymentRoute + "/scale", (HttpRequest r, string ns, string name) => PutScaleAsync(r, ns, name));
        app.MapGet(Apps + "/replicasets", (HttpRequest r) => ListReplicaSets(r, null));
        app.MapGet(Apps + "/namespaces/{ns}/replicasets", (HttpRequest r, string ns) => ListReplicaSets(r, ns));
        app.MapGet(Apps + "/namespaces/{ns}/replicasets/{name}", (string ns, string name) => Locked(() =>
            _world.ReplicaSets.FirstOrDefault(rs => rs.Namespace == ns && rs.Name == name) is { } found
                ? Reply.Json(KubeJson.Typed("apps/v1", "ReplicaSet", KubeJson.ReplicaSet(found, _world.PodsOf(found).ToList(), _clock.Now)))
                : KubeStatus.NotFound("replicasets", name, "apps")));
    }

    private IResult ListDeployments(HttpRequest request, string? ns) => !TryLabels(request, out var labels, out var error) ? error! : Locked(() =>
        ListOf("apps/v1", "DeploymentList",
            _world.Deployments.Where(d => (ns is null || d.Namespace == ns) && labels.Matches(d.Labels)).OrderBy(d => d.Namespace).ThenBy(d => d.Name, StringComparer.Ordinal),
            Render));

    private IResult ListReplicaSets(HttpRequest request, string? ns) => !TryLabels(request, out var labels, out var error) ? error! : Locked(() =>
        ListOf("apps/v1", "ReplicaSetList",
            _world.ReplicaSets.Where(rs => (ns is null || rs.Namespace == ns) && labels.Matches(rs.Labels)).OrderBy(rs => rs.Namespace).ThenBy(rs => rs.Name, StringComparer.Ordinal),
            rs => KubeJson.ReplicaSet(rs, _world.PodsOf(rs).ToList(), _clock.Now)));

    private JsonObject Render(KubeDeployment d) => KubeJson.Deployment(d, PodsOf(d), _clock.Now);

    private List<KubePod> PodsOf(KubeDeployment d) => _world.Pods.Where(p => p.Owner.Owner == d).ToList();

    private IResult WithDeployment(string ns, string name, Func<KubeDeployment, IResult> action) => Locked(() =>
        _world.FindDeployment(ns, name) is { } d ? action(d) : KubeStatus.NotFound("deployments", name, "apps"));
}
