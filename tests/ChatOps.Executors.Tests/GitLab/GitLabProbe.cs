using ChatOps.Executors.GitLab;

namespace ChatOps.Executors.Tests.GitLab;

/// <summary>Reads the emulator's pipelines back through the real client, to check what the executor really created.</summary>
public static class GitLabProbe
{
    public static async Task<List<(GitLabPipeline Pipeline, List<GitLabVariable> Variables)>> PipelinesAsync(IGitLabApi api, string project)
    {
        var pipelines = await GitLabPaging.AllAsync(page => api.ListPipelinesAsync(project, new PipelineQuery { Page = page, PerPage = 100 }, default), 10);
        var result = new List<(GitLabPipeline, List<GitLabVariable>)>();
        foreach (var p in pipelines)
        {
            result.Add((p, await api.ListPipelineVariablesAsync(project, p.Id, default)));
        }

        return result;
    }

    public static async Task<List<(GitLabPipeline Pipeline, List<GitLabVariable> Variables)>> WithKeyAsync(IGitLabApi api, string project, string key) =>
        (await PipelinesAsync(api, project)).Where(p => p.Variables.Any(v => v.Key == "CHATOPS_REQUEST" && v.Value == key)).ToList();
}
