using System.Collections.Concurrent;
using ChatOps.Core.Catalog;
using ChatOps.Executors.Chat;
using Microsoft.Extensions.Options;
using Refit;

namespace ChatOps.Executors.GitLab;

/// <summary>Runs, inspects, cancels and retries GitLab pipelines for bound services through <see cref="IGitLabApi"/>.</summary>
public sealed partial class GitLabExecutor
{
    /// <summary>The backend name in <see cref="Core.Execution.RunHandle"/>s.</summary>
    public const string Backend = "gitlab";

    private readonly IGitLabApi _api;
    private readonly GitLabOptions _options;
    private readonly ConcurrentDictionary<string, GitLabProject> _projects = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the executor over a configured client.</summary>
    public GitLabExecutor(IGitLabApi api, IOptions<GitLabOptions> options)
    {
        _api = api;
        _options = options.Value;
    }

    /// <summary>Looks a project up by path or id once, then answers from the cache (gitlab.md E1: "cache id after first lookup").</summary>
    internal async Task<GitLabProject> ProjectAsync(GitLabBinding binding, CancellationToken cancellationToken)
    {
        if (_projects.TryGetValue(binding.Project, out var cached))
        {
            return cached;
        }

        try
        {
            var project = await _api.GetProjectAsync(binding.Project, cancellationToken).ConfigureAwait(false);
            return _projects.GetOrAdd(binding.Project, project);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"look up the project {binding.Project}",
                $"GitLab has no project {ChatText.Code(binding.Project)}, or the bot's token cannot see it; check the gitlab binding in catalog.yaml.");
        }
    }

    private static string Id(GitLabProject project) => project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ExecutorException Explain(Exception ex, string what, string? notFound = null) =>
        BackendErrors.Explain("GitLab", ex, what, GitLabErrorBody.Message, notFound, "GitLab:Token");

    private static string Describe(GitLabProject project, string reference, IEnumerable<KeyValuePair<string, string>> variables)
    {
        var pairs = ChatText.Pairs(variables);
        return $"GitLab pipeline on {project.PathWithNamespace} @ {reference}" + (pairs.Length > 0 ? $" with {pairs}" : "");
    }
}
