using ChatOps.Core.Catalog;
using ChatOps.Core.Execution;
using ChatOps.Executors.Chat;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Zadig;

/// <summary>Runs, inspects, cancels, retries and approves Zadig workflow tasks through <see cref="IZadigApi"/>.</summary>
public sealed partial class ZadigExecutor
{
    /// <summary>The backend name in <see cref="RunHandle"/>s.</summary>
    public const string Backend = "zadig";

    private readonly IZadigApi _api;
    private readonly ZadigOptions _options;

    /// <summary>Creates the executor over a configured client.</summary>
    public ZadigExecutor(IZadigApi api, IOptions<ZadigOptions> options)
    {
        _api = api;
        _options = options.Value;
    }

    internal static RunHandle Handle(string workflowKey, long taskId, string? status) =>
        new(Backend, $"{workflowKey}/tasks/{taskId}", null, ZadigStatus.Show(status));

    private static ExecutorException Explain(Exception ex, string what, string? notFound = null) =>
        BackendErrors.Explain("Zadig", ex, what, ZadigErrorBody.Message, notFound, "Zadig:Token");

    private static List<ZadigRunInput> Inputs(IEnumerable<ZadigJobInput> inputs, Placeholders values, string owner) =>
        inputs.Select(i => new ZadigRunInput(i.JobName, i.JobType, values.FillJson(i.ParametersJson, owner))).ToList();

    /// <summary>"build (checkout @ main), deploy (checkout → uat)": what each job will touch, read from its parameters.</summary>
    private static string Jobs(IEnumerable<ZadigRunInput> inputs) => string.Join(", ", inputs.Select(input =>
    {
        var p = input.Parameters;
        var services = (p["service_list"] as System.Text.Json.Nodes.JsonArray ?? []).Select(s => s?["service_name"]?.ToString()).OfType<string>().ToList();
        var branch = (p["service_list"] as System.Text.Json.Nodes.JsonArray ?? []).SelectMany(s => s?["repo_info"] as System.Text.Json.Nodes.JsonArray ?? [])
            .Select(r => r?["branch"]?.ToString()).FirstOrDefault(b => !string.IsNullOrEmpty(b));
        var detail = string.Join(", ", services) + (branch is null ? "" : $" @ {branch}") + (p["env_name"] is { } env ? $" → {env}" : "");
        return detail.Trim().Length == 0 ? input.JobName : $"{input.JobName} ({detail.Trim()})";
    }));

    private static string Describe(ZadigBinding binding, string workflow, IReadOnlyList<ZadigRunInput> inputs, IReadOnlyList<ZadigParameter> parameters) =>
        $"Zadig workflow {workflow} in project {binding.Project}"
        + (inputs.Count > 0 ? $" with jobs {Jobs(inputs)}" : "")
        + (parameters.Count > 0 ? "; " + ChatText.Pairs(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value ?? ""))) : "");
}
