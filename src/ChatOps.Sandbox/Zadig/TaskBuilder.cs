using System.Globalization;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Zadig;

/// <summary>Turns a run request's `inputs` and `parameters` into task stages (contract §4.1, gotchas 1–3); jobs not listed are skipped.</summary>
internal sealed partial class TaskBuilder(ZadigWorld world, ZadigWorkflow workflow, long taskId, DateTimeOffset now)
{
    private static readonly HashSet<string> OtherTypes =
    [
        "custom-deploy", "zadig-test", "zadig-scanning", "plugin", "ai-task", "k8s-blue-green-deploy", "k8s-canary-deploy",
        "k8s-gray-release", "k8s-gray-rollback", "k8s-resource-patch", "zadig-vm-deploy", "sql", "tapd",
        "k8s-blue-green-release", "k8s-canary-release",
    ];

    private readonly SortedDictionary<(int Stage, int Job), List<ZadigTaskJob>> _jobs = [];

    public List<ZadigTaskStage> Stages(JsonArray? inputs)
    {
        foreach (var input in inputs ?? [])
        {
            var name = Text(input, "job_name") ?? throw new ZadigInputException("job_name is required in inputs");
            var found = workflow.FindJob(name) ?? throw new ZadigInputException($"job {name} not found in workflow {workflow.Key}");
            var parameters = input?["parameters"] as JsonObject ?? [];
            _jobs[(found.Stage, found.Job)] = Expand(found.Stage, found.Job, found.Def, parameters);
        }

        return workflow.Stages
            .Select((stage, s) => new ZadigTaskStage
            {
                Name = stage.Name,
                Parallel = stage.Parallel,
                Jobs = _jobs.Where(p => p.Key.Stage == s).SelectMany(p => p.Value).ToList(),
            })
            .Where(stage => stage.Jobs.Count > 0)
            .ToList();
    }

    public List<ZadigParam> Params(JsonArray? parameters)
    {
        var result = workflow.Params.ToList();
        foreach (var given in parameters ?? [])
        {
            var name = Text(given, "name") ?? "";
            var index = result.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                throw new ZadigInputException($"parameter {name} not found in workflow {workflow.Key}");
            }

            var value = Text(given, "value") ?? "";
            if (result[index].Type == "choice" && !result[index].Options.Contains(value))
            {
                throw new ZadigInputException($"value {value} is not a valid choice of parameter {name}");
            }

            result[index] = result[index] with { Value = value };
        }

        return result;
    }

    private List<ZadigTaskJob> Expand(int s, int j, ZadigJobDef def, JsonObject parameters) => def.Type switch
    {
        "zadig-build" => Build(s, j, def, parameters),
        "zadig-deploy" => Deploy(s, j, def, parameters),
        "approval" or "freestyle" => [Single(s, j, def, parameters)],
        _ when OtherTypes.Contains(def.Type) => [Single(s, j, def, parameters)],
        _ => throw new ZadigInputException($"job type {def.Type} is not supported"),
    };

    private static ZadigTaskJob Single(int s, int j, ZadigJobDef def, JsonObject parameters) => new()
    {
        Name = $"job-{s}-{j}-0-{def.Name}",
        Key = def.Name,
        DisplayName = def.Name,
        OriginName = def.Name,
        Type = def.Type,
        Extra = (JsonObject)parameters.DeepClone(),
    };

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string ImageTag() => now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + taskId.ToString(CultureInfo.InvariantCulture);

    private static string CommitOf(string repoNamespace, string repo, string branch) =>
        Deterministic.Sha($"{repoNamespace}/{repo}@{branch}")[..7];
}
