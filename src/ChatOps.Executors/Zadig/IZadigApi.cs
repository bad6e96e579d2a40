using Refit;

namespace ChatOps.Executors.Zadig;

/// <summary>The Zadig OpenAPI endpoints the bot uses (shared/contracts/zadig.md §4–§6). Query names are camelCase, bodies snake_case.</summary>
[Headers("Accept: application/json")]
public interface IZadigApi
{
    /// <summary>§4.1: runs a custom workflow (creates a task).</summary>
    [Post("/openapi/workflows/custom/task")]
    Task<ZadigTaskCreated> RunWorkflowTaskAsync([Body] ZadigRunRequest body, CancellationToken cancellationToken);

    /// <summary>§4.2: task detail and status; an unknown task is HTTP 500 "mongo: no documents in result".</summary>
    [Get("/openapi/workflows/custom/task")]
    Task<ZadigTask> GetWorkflowTaskAsync(
        [AliasAs("taskId")] long taskId, [AliasAs("workflowKey")] string workflowKey, CancellationToken cancellationToken);

    /// <summary>§4.3: cancels a task; 400 code 6163 when it cannot.</summary>
    [Delete("/openapi/workflows/custom/task")]
    Task<ZadigMessage> CancelWorkflowTaskAsync(
        [AliasAs("taskId")] long taskId, [AliasAs("workflowKey")] string workflowKey, CancellationToken cancellationToken);

    /// <summary>§4.4: re-runs a failed, timed-out, cancelled or rejected task under the same id.</summary>
    [Post("/openapi/workflows/custom/{workflowKey}/task/{taskId}")]
    Task<ZadigMessage> RetryWorkflowTaskAsync(
        string workflowKey, long taskId, [AliasAs("projectKey")] string projectKey, CancellationToken cancellationToken);

    /// <summary>§4.5: approves or rejects a waiting approval job.</summary>
    [Post("/openapi/workflows/custom/task/approve")]
    Task<ZadigMessage> ApproveAsync([Body] ZadigApproveRequest body, CancellationToken cancellationToken);

    /// <summary>§4.6: one page of a workflow's task history, newest first.</summary>
    [Get("/openapi/workflows/custom/{workflowKey}/tasks")]
    Task<ZadigTaskList> ListWorkflowTasksAsync(string workflowKey, [AliasAs("projectKey")] string projectKey,
        [AliasAs("pageNum")] int pageNum, [AliasAs("pageSize")] int pageSize, CancellationToken cancellationToken);

    /// <summary>§5.1: the workflows of a project (not paginated).</summary>
    [Get("/openapi/workflows")]
    Task<ZadigWorkflowList> ListWorkflowsAsync([AliasAs("projectKey")] string projectKey, CancellationToken cancellationToken);

    /// <summary>§5.2: the test environments of a project (a bare array; [] also when the bot may not see the project).</summary>
    [Get("/openapi/environments")]
    Task<List<ZadigEnvironment>> ListEnvironmentsAsync([AliasAs("projectKey")] string projectKey, CancellationToken cancellationToken);

    /// <summary>§5.2: the production environments of a project.</summary>
    [Get("/openapi/environments/production")]
    Task<List<ZadigEnvironment>> ListProductionEnvironmentsAsync([AliasAs("projectKey")] string projectKey, CancellationToken cancellationToken);

    /// <summary>§6.1: creates a product-workflow task, optionally with a callback; <paramref name="prefix"/> is api/directory or public-api/v1.</summary>
    [Post("/{**prefix}/workflowTask/create")]
    Task<ZadigTaskCreated> CreateProductWorkflowTaskAsync(string prefix, [Body] ZadigProductTaskRequest body, CancellationToken cancellationToken);

    /// <summary>§6.1: a product-workflow task.</summary>
    [Get("/{**prefix}/workflowTask/id/{taskId}/pipelines/{workflowName}")]
    Task<ZadigProductTask> GetProductWorkflowTaskAsync(string prefix, long taskId, string workflowName, CancellationToken cancellationToken);

    /// <summary>§6.1: cancels a product-workflow task.</summary>
    [Post("/{**prefix}/workflowTask/id/{taskId}/pipelines/{workflowName}/cancel")]
    Task<ZadigLegacyResult> CancelProductWorkflowTaskAsync(string prefix, long taskId, string workflowName, CancellationToken cancellationToken);

    /// <summary>§6.1: restarts a product-workflow task.</summary>
    [Post("/{**prefix}/workflowTask/id/{taskId}/pipelines/{workflowName}/restart")]
    Task<ZadigLegacyResult> RestartProductWorkflowTaskAsync(string prefix, long taskId, string workflowName, CancellationToken cancellationToken);
}
