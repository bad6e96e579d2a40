using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests.Zadig;

/// <summary>Request bodies the tests send to the Zadig emulator, written from contract §4.1.</summary>
internal static class ZadigClient
{
    public static HttpClient Create(Uri baseAddress) =>
        Http.Client(baseAddress, "Authorization", "Bearer " + new SandboxTokens().ZadigToken);

    public static object BuildDeploy(string workflow, string env, string service = "checkout", string branch = "feature/login") => new
    {
        project_key = "shop",
        workflow_key = workflow,
        parameters = new[] { new { name = "release_note", type = "string", value = "chatops run" } },
        inputs = Inputs(env, service, branch, approval: env == "prod"),
    };

    public static object[] Inputs(string env, string service, string branch, bool approval)
    {
        var build = new
        {
            job_name = "build", job_type = "zadig-build",
            parameters = new
            {
                registry = "https://registry.sandbox.local/shop",
                service_list = new[]
                {
                    new
                    {
                        service_name = service, service_module = service,
                        repo_info = new[] { new { codehost_name = "gitlab-main", repo_namespace = "shop", repo_name = service, branch } },
                    },
                },
            },
        };
        var deploy = new
        {
            job_name = "deploy", job_type = "zadig-deploy",
            parameters = new { env_name = env, service_list = new[] { new { service_name = service, service_module = service, image_name = "" } } },
        };
        var approve = new { job_name = $"approve-{env}", job_type = "approval", parameters = new { } };
        return approval ? [build, approve, deploy] : [build, deploy];
    }
}
