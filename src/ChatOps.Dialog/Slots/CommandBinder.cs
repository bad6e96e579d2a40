using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Core.Storage;

namespace ChatOps.Dialog.Slots;

/// <summary>Binds an intent and its entities to a command, filling gaps from the user's then the channel's defaults.</summary>
public static class CommandBinder
{
    /// <summary>The bound command and the first required slot still missing (null when complete).</summary>
    public static (ChatCommand Command, string? MissingSlot) Bind(string intent, ParsedEntities entities, UserDefaults user, UserDefaults channel)
    {
        var definition = IntentDefinitions.Find(intent);
        if (definition is null) return (new ChatCommand(intent, entities), null);
        var slots = entities;
        foreach (var group in definition.Required)
        {
            if (group.Any(s => SlotValues.Has(slots, s))) continue;
            slots = Fill(slots, group, user) ?? Fill(slots, group, channel) ?? slots;
        }

        var missing = definition.Required.FirstOrDefault(g => !g.Any(s => SlotValues.Has(slots, s)))?[0];
        return (new ChatCommand(intent, slots), missing);
    }

    /// <summary>The first slot still missing for a command already bound.</summary>
    public static string? Missing(ChatCommand command) =>
        IntentDefinitions.Find(command.Intent)?.Required.FirstOrDefault(g => !g.Any(s => SlotValues.Has(command.Slots, s)))?[0];

    private static ParsedEntities? Fill(ParsedEntities slots, IReadOnlyList<string> group, UserDefaults defaults)
    {
        foreach (var slot in group)
        {
            var value = slot switch
            {
                EntityNames.Service => defaults.Service,
                EntityNames.Environment => defaults.Environment,
                _ => null,
            };
            if (value is not null) return SlotValues.With(slots, slot, value);
        }

        return null;
    }
}
