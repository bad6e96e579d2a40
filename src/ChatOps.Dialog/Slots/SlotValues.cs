using ChatOps.Core.Parsing;
using static ChatOps.Core.Parsing.EntityNames;

namespace ChatOps.Dialog.Slots;

/// <summary>Reads, sets and merges slots of <see cref="ParsedEntities"/> by entity name.</summary>
public static class SlotValues
{
    /// <summary>True when the slot has a value.</summary>
    public static bool Has(ParsedEntities e, string slot) => slot switch
    {
        Service => e.Services.Count > 0,
        EntityNames.Environment => e.Environment is not null,
        Ref => e.Ref is not null,
        Workflow => e.Workflow is not null,
        Project => e.Project is not null,
        Namespace => e.Namespace is not null,
        Pod => e.Pod is not null,
        Replicas => e.Replicas is not null,
        Lines => e.Lines is not null,
        Since => e.Since is not null,
        PipelineId => e.PipelineId is not null,
        _ => false,
    };

    /// <summary>A copy with the slot set from a chosen or typed value; null when the value does not fit the slot.</summary>
    public static ParsedEntities? With(ParsedEntities e, string slot, string value)
    {
        var isNumber = int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n);
        return slot switch
        {
            Service => e with { Services = [value] },
            EntityNames.Environment => e with { Environment = value },
            Ref => e with { Ref = value },
            Workflow => e with { Workflow = value },
            Project => e with { Project = value },
            Namespace => e with { Namespace = value },
            Pod => e with { Pod = value },
            Replicas when isNumber && n <= 1000 => e with { Replicas = n },
            Lines when isNumber => e with { Lines = n },
            Since when isNumber => e with { Since = n },
            PipelineId when isNumber => e with { PipelineId = n },
            _ => null,
        };
    }

    /// <summary>The slots of <paramref name="update"/> laid over <paramref name="current"/> ("actually make it staging").</summary>
    public static ParsedEntities Overlay(ParsedEntities current, ParsedEntities update) => new()
    {
        Services = update.Services.Count > 0 ? update.Services : current.Services,
        Environment = update.Environment ?? current.Environment,
        Ref = update.Ref ?? current.Ref,
        Workflow = update.Workflow ?? current.Workflow,
        Project = update.Project ?? current.Project,
        Namespace = update.Namespace ?? current.Namespace,
        Pod = update.Pod ?? current.Pod,
        Replicas = update.Replicas ?? current.Replicas,
        Lines = update.Lines ?? current.Lines,
        Since = update.Since ?? current.Since,
        PipelineId = update.PipelineId ?? current.PipelineId,
    };

    /// <summary>True when no slot has a value.</summary>
    public static bool IsEmpty(ParsedEntities e) => EntityNames.All.All(s => !Has(e, s));
}
