using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    private void MapCore(WebApplication app)
    {
        app.MapGet("/api/v1/namespaces", () => Locked(() => ListOf("v1", "NamespaceList", _world.Namespaces, KubeJson.Namespace)));
        app.MapGet("/api/v1/namespaces/{ns}", (string ns) => Locked(() =>
            _world.Namespaces.FirstOrDefault(n => n.Name == ns) is { } found
                ? Reply.Json(KubeJson.Typed("v1", "Namespace", KubeJson.Namespace(found)))
                : KubeStatus.NotFound("namespaces", ns)));
        app.MapGet("/api/v1/pods", (HttpRequest request) => ListPods(request, null));
        app.MapGet("/api/v1/namespaces/{ns}/pods", (HttpRequest request, string ns) => ListPods(request, ns));
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) => WithPod(ns, name, pod =>
            Reply.Json(KubeJson.Typed("v1", "Pod", KubeJson.Pod(pod, _clock.Now)))));
        app.MapDelete("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name) => WithPod(ns, name, pod =>
        {
            pod.DeletedAt ??= _clock.Now;
            _world.Touch(pod);
            _clock.After(_options.Knobs.Steps.PodStop, () =>
            {
                lock (_world.Gate)
                {
                    _world.Pods.Remove(pod);
                }
            });
            _controller.Reconcile(pod.Owner.Owner);
            return Reply.Json(KubeJson.Typed("v1", "Pod", KubeJson.Pod(pod, _clock.Now)));
        }));
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}/log", (HttpRequest request, string ns, string name) =>
            WithPod(ns, name, pod => PodLog(request, pod)));
    }

    private IResult ListPods(HttpRequest request, string? ns)
    {
        if (!TryLabels(request, out var labels, out var error))
        {
            return error!;
        }

        var now = _clock.Now;
        var fields = new Dictionary<string, Func<KubePod, string?>>
        {
            ["metadata.name"] = p => p.Name,
            ["metadata.namespace"] = p => p.Namespace,
            ["spec.nodeName"] = p => p.Node,
            ["status.phase"] = p => p.IsStarted(now) ? "Running" : "Pending",
            ["status.podIP"] = p => p.PodIp,
        };
        if (!FieldSelector<KubePod>.TryParse(request.Query["fieldSelector"], fields, out var selector, out var message))
        {
            return KubeStatus.BadRequest(message);
        }

        return Locked(() => ListOf("v1", "PodList",
            _world.Pods.Where(p => (ns is null || p.Namespace == ns) && labels.Matches(p.Labels) && selector.Matches(p)).OrderBy(p => p.Namespace).ThenBy(p => p.Name, StringComparer.Ordinal),
            p => KubeJson.Pod(p, _clock.Now)));
    }

    private IResult WithPod(string ns, string name, Func<KubePod, IResult> action) => Locked(() =>
        _world.Pods.FirstOrDefault(p => p.Namespace == ns && p.Name == name) is { } pod ? action(pod) : KubeStatus.NotFound("pods", name));
}
