using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

internal sealed partial class TaskBuilder
{
    private List<ZadigTaskJob> Build(int s, int j, ZadigJobDef def, JsonObject parameters)
    {
        var registry = Text(parameters, "registry") ?? "";
        var bare = registry.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal);
        if (!string.Equals(bare, world.Registry, StringComparison.Ordinal))
        {
            throw new ZadigInputException($"didn't find the specified image registry: {registry}");
        }

        var jobs = new List<ZadigTaskJob>();
        foreach (var item in parameters["service_list"] as JsonArray ?? [])
        {
            var (service, module) = Service(item);
            var group = world.Services.First(x => x.Name == service).Group;
            var repos = new JsonArray();
            foreach (var repo in item?["repo_info"] as JsonArray ?? [new JsonObject()])
            {
                var ns = Text(repo, "repo_namespace") ?? group;
                var name = Text(repo, "repo_name") ?? service;
                var branch = Text(repo, "branch") is { Length: > 0 } b ? b : "main";
                repos.Add(new JsonObject
                {
                    ["repo_namespace"] = ns, ["repo_name"] = name, ["branch"] = branch,
                    ["commit_id"] = Text(repo, "commit_id") is { Length: > 0 } c ? c : CommitOf(ns, name, branch), ["codehost_id"] = 1,
                });
            }

            jobs.Add(new ZadigTaskJob
            {
                Name = $"job-{s}-{j}-{jobs.Count}-{def.Name}",
                Key = $"{def.Name}.{service}.{module}",
                DisplayName = $"{def.Name}-{service}-{module}",
                OriginName = def.Name,
                Type = def.Type,
                ServiceName = service,
                ServiceModule = module,
                Image = $"{world.Registry}/{service}:{ImageTag()}",
                Repos = repos,
            });
        }

        return jobs;
    }

    private List<ZadigTaskJob> Deploy(int s, int j, ZadigJobDef def, JsonObject parameters)
    {
        var env = Text(parameters, "env_name") ?? def.Env ?? "";
        if (!world.Environments.TryGetValue(env, out var environment))
        {
            throw new ZadigInputException($"failed to find env: {env}, project: {workflow.Project}");
        }

        var services = parameters["service_list"] as JsonArray ?? [];
        if (services.Count == 0)
        {
            throw new ZadigInputException($"no service selected for job {def.Name}");
        }

        return services.Select((item, k) =>
        {
            var (service, module) = Service(item);
            var built = _jobs.Values.SelectMany(x => x).FirstOrDefault(x => x.Type == "zadig-build" && x.ServiceName == service);
            var image = Text(item, "image_name") is { Length: > 0 } named && built is null ? named : built?.Image ?? environment.Images[service];
            return new ZadigTaskJob
            {
                Name = $"job-{s}-{j}-{k}-{def.Name}",
                Key = $"{def.Name}.{service}",
                DisplayName = $"{def.Name}-{service}",
                OriginName = def.Name,
                Type = def.Type,
                ServiceName = service,
                ServiceModule = module,
                Env = env,
                Production = environment.Production,
                Image = image,
            };
        }).ToList();
    }

    private (string Service, string Module) Service(JsonNode? item)
    {
        var service = Text(item, "service_name") ?? "";
        if (world.Services.All(x => x.Name != service))
        {
            throw new ZadigInputException($"service {service} not found in project {workflow.Project}");
        }

        return (service, Text(item, "service_module") is { Length: > 0 } m ? m : service);
    }
}
