namespace ChatOps.Sandbox.Zadig;

/// <summary>The seeded workflow layouts: devops-&lt;env&gt; build → (approve for production) → deploy, chatops freestyle, release train.</summary>
internal static class ZadigWorkflows
{
    /// <summary>The parameter the bot's <c>Zadig:RequestParameter</c> names in the sandbox: every custom workflow declares it, as docs/executors.md advises.</summary>
    public const string RequestParameter = "chatops_request";

    private static readonly IReadOnlyList<ZadigParam> ReleaseNote = [new("release_note", "string", "", []), new(RequestParameter, "string", "", [])];

    public static ZadigWorkflow Custom(string key, SandboxSeed seed, long updated)
    {
        var env = key.StartsWith("devops-", StringComparison.Ordinal) && seed.Environments.Contains(key[7..]) ? key[7..] : null;
        var stages = key switch
        {
            "release-train" when seed.Environments.Contains("staging") && seed.Environments.Contains("prod") =>
            [
                new ZadigStageDef("deploy-staging", [new("deploy-staging", "zadig-deploy", "staging")]),
                new ZadigStageDef("approve", [new("approve-release", "approval")]),
                new ZadigStageDef("deploy-prod", [new("deploy-prod", "zadig-deploy", "prod")]),
            ],
            _ when env is not null => BuildDeploy(env, seed.ProductionEnvironments.Contains(env)),
            "devops-chatops" => [new ZadigStageDef("run", [new("chatops", "freestyle")])],
            _ => BuildDeploy(seed.Environments[0], false),
        };
        return new ZadigWorkflow
        {
            Key = key,
            DisplayName = env is not null ? $"DevOps ({env})" : string.Join(' ', key.Split('-').Select(Title)),
            Project = seed.ZadigProject,
            Type = "custom",
            Stages = stages,
            Params = ReleaseNote,
            Description = env is not null ? $"Build and deploy to {env}" : $"{key} workflow",
            Env = env,
            UpdateTime = updated,
        };
    }

    public static ZadigWorkflow Product(string key, string env, string project, long updated) => new()
    {
        Key = key,
        DisplayName = key,
        Project = project,
        Type = "product",
        Stages = [new ZadigStageDef("build", [new("build", "zadig-build")]), new ZadigStageDef("deploy", [new("deploy", "zadig-deploy", env)])],
        Env = env,
        UpdateTime = updated,
    };

    private static List<ZadigStageDef> BuildDeploy(string env, bool production)
    {
        var stages = new List<ZadigStageDef> { new("build", [new("build", "zadig-build")]) };
        if (production)
        {
            stages.Add(new ZadigStageDef("approve", [new($"approve-{env}", "approval")]));
        }

        stages.Add(new ZadigStageDef("deploy", [new("deploy", "zadig-deploy", env)]));
        return stages;
    }

    private static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
