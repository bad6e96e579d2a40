namespace ChatOps.Core.Catalog;

/// <summary>A GitLab project whose pipeline deploys the service: the ref to run and the variables to pass.</summary>
/// <param name="Project">Full path (<c>shop/checkout</c>) or numeric id.</param>
/// <param name="Ref">The default ref; null means the project's default branch.</param>
/// <param name="Variables">Pipeline variables, e.g. DEPLOY_ENV=uat; values may hold <c>{ref}</c>.</param>
/// <param name="TriggerTokenEnv">When set, the name of the secret holding a pipeline trigger token, and runs use the trigger endpoint.</param>
public sealed record GitLabBinding(string Project, string? Ref, IReadOnlyDictionary<string, string> Variables, string? TriggerTokenEnv);
