namespace ChatOps.Dialog.Policy;

/// <summary>Intents on environments that are never run from chat, whoever asks; <see cref="Reason"/> is told to the person.</summary>
public sealed record ForbiddenRule(IReadOnlyList<string> Intents, IReadOnlyList<string> Environments, string Reason);
