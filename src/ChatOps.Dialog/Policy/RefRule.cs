namespace ChatOps.Dialog.Policy;

/// <summary>"These intents on these environments only from refs matching one of <see cref="Refs"/>" (globs such as <c>v*</c>), checked before confirmation.</summary>
public sealed record RefRule(IReadOnlyList<string> Intents, IReadOnlyList<string> Environments, IReadOnlyList<string> Refs, string Reason);
