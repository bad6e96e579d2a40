using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    /// <summary>PATCH deployment or its scale: strategic-merge, merge or JSON patch; a template or replicas change starts the controller.</summary>
    private async Task<IResult> PatchAsync(HttpRequest request, string ns, string name, bool scale)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        DeploymentPatch? patch;
        try
        {
            patch = DeploymentPatch.Parse(request.ContentType, body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return KubeStatus.BadRequest($"error decoding patch: {ex.Message}");
        }

        return patch is null ? KubeStatus.UnsupportedMediaType(request.ContentType ?? "") : WithDeployment(ns, name, d =>
        {
            if (patch.Replicas < 0)
            {
                return KubeStatus.Invalid($"Deployment.apps \"{name}\" is invalid: spec.replicas: Invalid value: {patch.Replicas}: must be greater than or equal to 0");
            }

            Apply(d, patch);
            return Reply.Json(scale ? KubeJson.Scale(d, PodsOf(d)) : KubeJson.Typed("apps/v1", "Deployment", Render(d)));
        });
    }

    private async Task<IResult> PutScaleAsync(HttpRequest request, string ns, string name)
    {
        int? replicas;
        try
        {
            var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            replicas = body?["spec"]?["replicas"]?.GetValue<int>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return KubeStatus.BadRequest($"error decoding Scale: {ex.Message}");
        }

        return WithDeployment(ns, name, d =>
        {
            if (replicas is not >= 0)
            {
                return KubeStatus.Invalid($"Scale.autoscaling \"{name}\" is invalid: spec.replicas: Invalid value: {replicas}: must be greater than or equal to 0");
            }

            if (replicas != d.Replicas)
            {
                d.Replicas = replicas.Value;
                _controller.SpecChanged(d);
            }

            return Reply.Json(KubeJson.Scale(d, PodsOf(d)));
        });
    }

    private void Apply(KubeDeployment d, DeploymentPatch patch)
    {
        var changed = false;
        if (patch.Replicas is { } replicas && replicas != d.Replicas)
        {
            d.Replicas = replicas;
            changed = true;
        }

        var annotations = new Dictionary<string, string>(d.TemplateAnnotations);
        Merge(annotations, patch.TemplateAnnotations);
        if (!annotations.OrderBy(a => a.Key).SequenceEqual(d.TemplateAnnotations.OrderBy(a => a.Key)))
        {
            d.TemplateAnnotations = annotations;
            changed = true;
        }

        var containers = d.Containers.Select((c, i) =>
            patch.ImagesByName.TryGetValue(c.Name, out var image) || patch.ImagesByIndex.TryGetValue(i, out image) ? c with { Image = image } : c).ToList();
        if (!containers.SequenceEqual(d.Containers))
        {
            d.Containers = containers;
            changed = true;
        }

        Merge(d.Annotations, patch.Annotations);
        _world.Touch(d);
        if (changed)
        {
            _controller.SpecChanged(d);
        }
    }

    private static void Merge(Dictionary<string, string> target, Dictionary<string, string?> patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value;
            }
        }
    }
}
