namespace ChatOps.Sandbox.Zadig;

/// <summary>All Zadig state behind one lock: the project's workflows, environments and tasks.</summary>
internal sealed class ZadigWorld
{
    public Lock Gate { get; } = new();

    public required string Project { get; init; }

    public required string Registry { get; init; }

    public Dictionary<string, ZadigWorkflow> Workflows { get; } = [];

    public Dictionary<string, ZadigEnvironment> Environments { get; } = [];

    public required IReadOnlyList<SeedService> Services { get; init; }

    public ZadigWorkflow? FindWorkflow(string? key) => key is null ? null : Workflows.GetValueOrDefault(key);

    public static ZadigWorld Seed(SandboxSeed seed, DateTimeOffset now)
    {
        var updated = now.AddDays(-3).ToUnixTimeSeconds();
        var world = new ZadigWorld
        {
            Project = seed.ZadigProject,
            Registry = $"{seed.Registry}/{seed.ZadigProject}",
            Services = seed.Services,
        };
        foreach (var env in seed.Environments)
        {
            world.Environments[env] = new ZadigEnvironment
            {
                Key = env,
                Production = seed.ProductionEnvironments.Contains(env),
                UpdateTime = updated,
                Images = world.Services.ToDictionary(s => s.Name, s => seed.ImageFor(env, s.Name)),
            };
        }

        foreach (var key in seed.Workflows)
        {
            world.Workflows[key] = ZadigWorkflows.Custom(key, seed, updated);
        }

        foreach (var env in seed.Environments)
        {
            var product = ZadigWorkflows.Product($"{seed.ZadigProject}-workflow-{env}", env, seed.ZadigProject, updated);
            world.Workflows[product.Key] = product;
        }

        return world;
    }
}
