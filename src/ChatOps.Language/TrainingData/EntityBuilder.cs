using System.Globalization;
using ChatOps.Core.Catalog;
using ChatOps.Core.Parsing;

namespace ChatOps.Language.TrainingData;

/// <summary>Normalizes marked spans into the contract's entities: catalog names resolved, numbers parsed.</summary>
public static class EntityBuilder
{
    /// <summary>The entities the spans stand for; <paramref name="errors"/> receives what cannot be normalized.</summary>
    public static ParsedEntities Build(IReadOnlyList<AnnotatedSpan> spans, ServiceCatalog catalog, List<string> errors)
    {
        var services = new List<string>();
        var e = new ParsedEntities();
        foreach (var s in spans)
        {
            var raw = s.Value ?? s.Text;
            switch (s.Entity)
            {
                case EntityNames.Service or EntityNames.Environment:
                    var canonical = catalog.Resolve(s.Entity, raw.Trim());
                    if (canonical is null) { errors.Add($"[{s.Text}]({s.Entity}) is not a {s.Entity} of the catalog; write [{s.Text}]({s.Entity}:<canonical name>)"); break; }
                    if (s.Entity == EntityNames.Service) { if (!services.Contains(canonical)) services.Add(canonical); }
                    else e = e with { Environment = e.Environment ?? canonical };
                    break;
                case EntityNames.Ref: e = e with { Ref = e.Ref ?? raw }; break;
                case EntityNames.Workflow: e = e with { Workflow = e.Workflow ?? raw }; break;
                case EntityNames.Project: e = e with { Project = e.Project ?? raw }; break;
                case EntityNames.Namespace: e = e with { Namespace = e.Namespace ?? raw }; break;
                case EntityNames.Pod: e = e with { Pod = e.Pod ?? raw }; break;
                case EntityNames.Replicas or EntityNames.Lines or EntityNames.Since or EntityNames.PipelineId:
                    if (!long.TryParse(raw.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        errors.Add($"[{s.Text}]({s.Entity}) needs an integer value: [{s.Text}]({s.Entity}:<number>)");
                        break;
                    }

                    e = s.Entity switch
                    {
                        EntityNames.Replicas => e with { Replicas = e.Replicas ?? (int)n },
                        EntityNames.Lines => e with { Lines = e.Lines ?? (int)n },
                        EntityNames.Since => e with { Since = e.Since ?? (int)n },
                        _ => e with { PipelineId = e.PipelineId ?? n },
                    };
                    break;
                default:
                    errors.Add($"unknown entity '{s.Entity}'; use one of {string.Join(", ", EntityNames.All)}");
                    break;
            }
        }

        return e with { Services = services };
    }
}
