namespace ChatOps.Dialog.Slots;

/// <summary>What an intent needs: required slot groups (any one slot of a group satisfies it) and optional slots.</summary>
/// <param name="Intent">The contract intent name.</param>
/// <param name="Required">Each inner list is one requirement satisfied by any of its slots; the first is the one asked for.</param>
/// <param name="Optional">Slots the intent uses when given.</param>
public sealed record IntentDefinition(string Intent, IReadOnlyList<IReadOnlyList<string>> Required, IReadOnlyList<string> Optional);
