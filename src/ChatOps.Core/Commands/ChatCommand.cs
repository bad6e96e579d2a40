using ChatOps.Core.Parsing;

namespace ChatOps.Core.Commands;

/// <summary>A fully or partly bound command: the intent and its slot values, as stored in a pending confirmation.</summary>
public sealed record ChatCommand(string Intent, ParsedEntities Slots)
{
    /// <summary>The service the command acts on, if any.</summary>
    public string? Service => Slots.Service;

    /// <summary>The environment the command acts on, if any.</summary>
    public string? Environment => Slots.Environment;
}
