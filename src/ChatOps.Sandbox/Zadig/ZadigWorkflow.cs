namespace ChatOps.Sandbox.Zadig;

/// <summary>A custom (v4) or legacy product workflow definition; tasks count their ids per workflow.</summary>
internal sealed class ZadigWorkflow
{
    public required string Key { get; init; }

    public required string DisplayName { get; init; }

    public required string Project { get; init; }

    /// <summary>"custom" or "product" (contract §5.1 `type`).</summary>
    public required string Type { get; init; }

    public required IReadOnlyList<ZadigStageDef> Stages { get; init; }

    public IReadOnlyList<ZadigParam> Params { get; init; } = [];

    public string Description { get; init; } = "";

    public string? Env { get; init; }

    public required long UpdateTime { get; init; }

    public List<ZadigTask> Tasks { get; } = [];

    public (int Stage, int Job, ZadigJobDef Def)? FindJob(string name)
    {
        for (var s = 0; s < Stages.Count; s++)
        {
            for (var j = 0; j < Stages[s].Jobs.Count; j++)
            {
                if (Stages[s].Jobs[j].Name == name)
                {
                    return (s, j, Stages[s].Jobs[j]);
                }
            }
        }

        return null;
    }
}
