using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.GitLab;

/// <summary>All GitLab state behind one lock: seeded projects plus the pipelines and jobs created at run time.</summary>
internal sealed class GitLabWorld
{
    private static readonly string[] Titles =
    [
        "Bump chart", "Fix retry on 502", "Add login form", "Update dependencies", "Tune pool size",
        "Handle payment timeout", "Refactor cart totals", "Add metrics endpoint", "Release prep",
    ];

    private readonly Dictionary<long, GitLabProject> _byId = [];
    private readonly Dictionary<string, GitLabProject> _byPath = new(StringComparer.OrdinalIgnoreCase);

    public Lock Gate { get; } = new();

    public Dictionary<long, GitLabPipeline> Pipelines { get; } = [];

    public Dictionary<long, GitLabJob> Jobs { get; } = [];

    public long LastPipelineId { get; set; } = 90210;

    public long LastJobId { get; set; } = 5550126;

    public static GitLabWorld Seed(SandboxSeed seed, DateTimeOffset now)
    {
        var world = new GitLabWorld();
        var groups = seed.Services.Select(s => s.Group).Distinct().ToList();
        for (var i = 0; i < seed.Services.Count; i++)
        {
            var service = seed.Services[i];
            var path = $"{service.Group}/{service.Name}";
            var project = new GitLabProject
            {
                Id = 4711 + i,
                Name = service.Name,
                Group = service.Group,
                NamespaceId = 88 + groups.IndexOf(service.Group),
                Branches = seed.Branches.Select((b, n) => new GitLabRef(b, Commit(path, b, now, n), IsProtected(b))).ToList(),
                Tags = seed.Tags.Select(t => new GitLabRef(t, Commit(path, t, now, 0), false)).ToList(),
            };
            world._byId[project.Id] = project;
            world._byPath[path] = project;
        }

        return world;
    }

    public IEnumerable<GitLabProject> Projects => _byId.Values;

    /// <summary>Finds a project by numeric id or by its URL-decoded full path.</summary>
    public GitLabProject? FindProject(string idOrPath) =>
        long.TryParse(idOrPath, out var id) ? _byId.GetValueOrDefault(id) : _byPath.GetValueOrDefault(idOrPath);

    private static bool IsProtected(string branch) =>
        branch == "main" || branch.StartsWith("release/", StringComparison.Ordinal);

    private static GitLabCommit Commit(string path, string name, DateTimeOffset now, int index)
    {
        var random = Deterministic.Random($"{path}@{name}");
        var age = TimeSpan.FromHours(index * 7 + 1) + TimeSpan.FromMinutes(random.Next(0, 59)) + TagAge(name);
        var when = now - age;
        return new GitLabCommit(Deterministic.Sha($"{path}@{name}"), Titles[random.Next(Titles.Length)],
            new DateTimeOffset(when.Year, when.Month, when.Day, when.Hour, when.Minute, when.Second, TimeSpan.Zero));
    }

    // why: older versions must look older, so "latest tag" questions have a natural answer
    private static TimeSpan TagAge(string name)
    {
        if (!name.StartsWith('v') || !Version.TryParse(name[1..], out var version))
        {
            return TimeSpan.Zero;
        }

        var rank = (version.Major * 100) + (version.Minor * 10) + Math.Max(0, version.Build);
        return TimeSpan.FromDays(Math.Max(1, 400 - rank));
    }
}
