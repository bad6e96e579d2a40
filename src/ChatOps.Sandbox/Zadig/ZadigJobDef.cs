namespace ChatOps.Sandbox.Zadig;

/// <summary>A configured job of a workflow stage; Env is the deploy target of zadig-deploy jobs.</summary>
internal sealed record ZadigJobDef(string Name, string Type, string? Env = null);
