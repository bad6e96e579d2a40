using Refit;

namespace ChatOps.Executors.GitLab;

/// <summary>The GitLab REST v4 endpoints the bot uses (shared/contracts/gitlab.md §5), relative to <c>/api/v4/</c>.</summary>
/// <remarks><c>id</c> is a numeric id or a raw full path: Refit encodes <c>shop/checkout</c> as <c>shop%2Fcheckout</c> itself.</remarks>
[Headers("Accept: application/json")]
public interface IGitLabApi
{
    /// <summary>E1: a project by id or full path.</summary>
    [Get("/projects/{id}")]
    Task<GitLabProject> GetProjectAsync(string id, CancellationToken cancellationToken);

    /// <summary>E2: one page of branches, optionally filtered by <paramref name="search"/>; loop on <c>x-next-page</c>.</summary>
    [Get("/projects/{id}/repository/branches")]
    Task<IApiResponse<List<GitLabBranch>>> ListBranchesAsync(
        string id, string? search, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    /// <summary>E3: one branch; 404 "Branch Not Found" when it does not exist.</summary>
    [Get("/projects/{id}/repository/branches/{branch}")]
    Task<GitLabBranch> GetBranchAsync(string id, string branch, CancellationToken cancellationToken);

    /// <summary>E4: one page of tags, optionally filtered by <paramref name="search"/>.</summary>
    [Get("/projects/{id}/repository/tags")]
    Task<IApiResponse<List<GitLabTag>>> ListTagsAsync(
        string id, string? search, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    /// <summary>E5: creates a pipeline on a ref with variables (token needs the api scope).</summary>
    [Post("/projects/{id}/pipeline")]
    Task<GitLabPipeline> CreatePipelineAsync(string id, [Body] CreatePipelineRequest body, CancellationToken cancellationToken);

    /// <summary>E6: creates a pipeline with a trigger token in the body (no token header).</summary>
    [Post("/projects/{id}/trigger/pipeline")]
    Task<GitLabPipeline> TriggerPipelineAsync(string id, [Body] TriggerPipelineRequest body, CancellationToken cancellationToken);

    /// <summary>E7: one page of pipelines, newest first by default.</summary>
    [Get("/projects/{id}/pipelines")]
    Task<IApiResponse<List<GitLabPipeline>>> ListPipelinesAsync(string id, [Query] PipelineQuery query, CancellationToken cancellationToken);

    /// <summary>E8: one pipeline.</summary>
    [Get("/projects/{id}/pipelines/{pipelineId}")]
    Task<GitLabPipeline> GetPipelineAsync(string id, long pipelineId, CancellationToken cancellationToken);

    /// <summary>E9: the newest pipeline of a ref (default branch when null); 403 when there is none.</summary>
    [Get("/projects/{id}/pipelines/latest")]
    Task<GitLabPipeline> GetLatestPipelineAsync(string id, [AliasAs("ref")] string? reference, CancellationToken cancellationToken);

    /// <summary>E10: cancels; answers 200 even when nothing was cancelable, so re-read the status.</summary>
    [Post("/projects/{id}/pipelines/{pipelineId}/cancel")]
    Task<GitLabPipeline> CancelPipelineAsync(string id, long pipelineId, CancellationToken cancellationToken);

    /// <summary>E11: retries the failed and canceled jobs (201).</summary>
    [Post("/projects/{id}/pipelines/{pipelineId}/retry")]
    Task<GitLabPipeline> RetryPipelineAsync(string id, long pipelineId, CancellationToken cancellationToken);

    /// <summary>E12: one page of a pipeline's jobs, newest first.</summary>
    [Get("/projects/{id}/pipelines/{pipelineId}/jobs")]
    Task<IApiResponse<List<GitLabJob>>> ListPipelineJobsAsync(
        string id, long pipelineId, int page, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    /// <summary>E13: the variables a pipeline was created with.</summary>
    [Get("/projects/{id}/pipelines/{pipelineId}/variables")]
    Task<List<GitLabVariable>> ListPipelineVariablesAsync(string id, long pipelineId, CancellationToken cancellationToken);

    /// <summary>E15: a job's raw log (text/plain, ANSI colours and section markers included).</summary>
    [Get("/projects/{id}/jobs/{jobId}/trace")]
    [Headers("Accept: text/plain")]
    Task<string> GetJobTraceAsync(string id, long jobId, CancellationToken cancellationToken);
}
