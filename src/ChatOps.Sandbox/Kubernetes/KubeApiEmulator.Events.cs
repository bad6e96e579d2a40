using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    private static readonly Dictionary<string, Func<KubeEvent, string?>> CoreEventFields = new()
    {
        ["metadata.name"] = e => e.Name,
        ["metadata.namespace"] = e => e.Namespace,
        ["involvedObject.kind"] = e => e.RegardingKind,
        ["involvedObject.name"] = e => e.Regarding.Name,
        ["involvedObject.namespace"] = e => e.Regarding.Namespace,
        ["involvedObject.uid"] = e => e.Regarding.Uid,
        ["involvedObject.apiVersion"] = e => e.RegardingKind == "Pod" ? "v1" : "apps/v1",
        ["involvedObject.fieldPath"] = e => e.FieldPath,
        ["reason"] = e => e.Reason,
        ["reportingComponent"] = e => e.Component,
        ["source"] = e => e.Component,
        ["type"] = e => e.Type,
    };

    private static readonly Dictionary<string, Func<KubeEvent, string?>> EventsV1Fields = new()
    {
        ["metadata.name"] = e => e.Name,
        ["metadata.namespace"] = e => e.Namespace,
        ["regarding.kind"] = e => e.RegardingKind,
        ["regarding.name"] = e => e.Regarding.Name,
        ["regarding.namespace"] = e => e.Regarding.Namespace,
        ["regarding.uid"] = e => e.Regarding.Uid,
        ["reason"] = e => e.Reason,
        ["reportingController"] = e => e.Component,
        ["type"] = e => e.Type,
    };

    private void MapEvents(WebApplication app)
    {
        app.MapGet("/api/v1/events", (HttpRequest r) => ListEvents(r, null, "v1", CoreEventFields, KubeJson.CoreEvent));
        app.MapGet("/api/v1/namespaces/{ns}/events", (HttpRequest r, string ns) => ListEvents(r, ns, "v1", CoreEventFields, KubeJson.CoreEvent));
        app.MapGet("/apis/events.k8s.io/v1/events", (HttpRequest r) => ListEvents(r, null, "events.k8s.io/v1", EventsV1Fields, KubeJson.EventsV1Event));
        app.MapGet("/apis/events.k8s.io/v1/namespaces/{ns}/events", (HttpRequest r, string ns) =>
            ListEvents(r, ns, "events.k8s.io/v1", EventsV1Fields, KubeJson.EventsV1Event));
    }

    private IResult ListEvents(HttpRequest request, string? ns, string apiVersion,
        IReadOnlyDictionary<string, Func<KubeEvent, string?>> fields, Func<KubeEvent, JsonObject> render)
    {
        if (!FieldSelector<KubeEvent>.TryParse(request.Query["fieldSelector"], fields, out var selector, out var message))
        {
            return KubeStatus.BadRequest(message);
        }

        if (!TryLabels(request, out var labels, out var error))
        {
            return error!;
        }

        return Locked(() => ListOf(apiVersion, "EventList",
            _world.Events.Where(e => (ns is null || e.Namespace == ns) && selector.Matches(e) && labels.Matches(e.Labels)).OrderBy(e => e.LastSeen),
            render));
    }
}
