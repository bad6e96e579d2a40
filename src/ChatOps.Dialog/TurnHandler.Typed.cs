using ChatOps.Core.Audit;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Slots;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>
    /// A typed command from the API: names are made canonical through the catalog (an unknown one is refused, never passed on as an
    /// unprotected environment), then it starts like a parsed request and meets the same policy gate.
    /// </summary>
    private async Task StartTypedAsync(TurnContext c, ChatCommand typed, CancellationToken ct)
    {
        if (IntentDefinitions.Find(typed.Intent) is null)
        {
            c.AuditEvents.Add(Refusal(c.Turn, "typed command", $"'{typed.Intent}' is not a command intent"));
            c.Say("Unsupported", typed.Intent);
            return;
        }

        var services = new List<string>();
        foreach (var name in typed.Slots.Services)
        {
            if (catalog.Resolve(EntityNames.Service, name) is not { } canonical)
            {
                RefuseUnknown(c, EntityNames.Service, name, catalog.Services.Select(s => s.Name));
                return;
            }

            services.Add(canonical);
        }

        string? environment = null;
        if (typed.Slots.Environment is { } env && (environment = catalog.Resolve(EntityNames.Environment, env)) is null)
        {
            RefuseUnknown(c, EntityNames.Environment, env, catalog.Environments.Select(e => e.Name));
            return;
        }

        if (!c.Conversation.State.IsIdleLike())
        {
            c.Machine.TryFire(DialogTrigger.Drop);
            c.Changed = true;
        }

        await StartRequestAsync(c, typed.Intent, typed.Slots with { Services = services, Environment = environment }, forceConfirmation: false, ct);
    }

    private static void RefuseUnknown(TurnContext c, string slot, string value, IEnumerable<string> known)
    {
        c.AuditEvents.Add(Refusal(c.Turn, "typed command", $"unknown {slot} '{value}'"));
        c.Say("UnknownName", slot, value, string.Join(", ", known));
    }
}
