using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChatOps.Executors.Tests.Support.Commands;

namespace ChatOps.Executors.Tests.Routing;

public class CommandRouterTests
{
    private static readonly ServiceCatalog Example = CatalogLoader.Load(RepoFiles.Catalog);

    [Fact]
    public void Supported_intents_follow_the_configured_backends()
    {
        var kubeconfig = WriteKubeconfig();
        using var gitlabOnly = Build(new() { ["GitLab:BaseUrl"] = "http://127.0.0.1:1", ["GitLab:Token"] = "t" });
        using var everything = Build(new()
        {
            ["GitLab:BaseUrl"] = "http://127.0.0.1:1", ["GitLab:Token"] = "t",
            ["Zadig:BaseUrl"] = "http://127.0.0.1:2", ["Zadig:Token"] = "z",
            ["Kubernetes:KubeconfigPath"] = kubeconfig,
        });
        using var nothing = Build([]);

        Assert.Equal(
            [IntentNames.Deploy, IntentNames.PipelineCancel, IntentNames.PipelineRetry, IntentNames.PipelineRun, IntentNames.PipelineStatus, IntentNames.Rollback],
            Router(gitlabOnly).SupportedIntents.Order(StringComparer.Ordinal));
        Assert.Equal(15, Router(everything).SupportedIntents.Count);
        Assert.Contains(IntentNames.WorkflowRun, Router(everything).SupportedIntents);
        Assert.Contains(IntentNames.K8sScale, Router(everything).SupportedIntents);
        Assert.Empty(Router(nothing).SupportedIntents);
        Assert.Same(Router(everything), everything.GetRequiredService<ICommandExecutor>());
        File.Delete(kubeconfig);
    }

    [Fact]
    public async Task Intents_the_configuration_cannot_serve_are_refused_without_claiming_the_key()
    {
        using var services = Build(new() { ["GitLab:BaseUrl"] = "http://127.0.0.1:1", ["GitLab:Token"] = "t" });
        var router = Router(services);
        var store = (InMemoryIdempotencyStore)services.GetRequiredService<IIdempotencyStore>();
        var request = Request(Cmd(IntentNames.K8sPods, "checkout", "uat"));

        var plan = await router.PlanAsync(Cmd(IntentNames.WorkflowRun, "checkout", "uat"), default);
        var result = await router.ExecuteAsync(request, default);
        var greet = await router.PlanAsync(Cmd(IntentNames.Greet), default);

        Assert.Equal("No Zadig is configured (Zadig:BaseUrl), so the bot cannot run workflows.", plan.Problem);
        Assert.Equal("No Kubernetes cluster is configured (Kubernetes:KubeconfigPath or Kubernetes:InCluster), so the bot cannot look at pods.", result.Text);
        Assert.False(greet.CanRun);
        Assert.True(await store.TryClaimAsync(request.Key, "bob", default));
    }

    [Fact]
    public async Task Missing_or_unknown_slots_are_asked_for_in_a_sentence()
    {
        using var services = Build(new() { ["GitLab:BaseUrl"] = "http://127.0.0.1:1", ["GitLab:Token"] = "t" });
        var router = Router(services);

        Assert.Equal("Which service?", (await router.PlanAsync(Cmd(IntentNames.Deploy, environment: "uat"), default)).Problem);
        Assert.Equal("Which environment should `checkout` be in?", (await router.PlanAsync(Cmd(IntentNames.Deploy, "checkout"), default)).Problem);
        Assert.Equal("The catalog has no service `billing`.", (await router.PlanAsync(Cmd(IntentNames.Deploy, "billing", "uat"), default)).Problem);
        Assert.Equal("`notifications` has no GitLab or Zadig binding in `dev`, so the bot cannot deploy it.",
            (await Router(services, CatalogWithout()).PlanAsync(Cmd(IntentNames.PipelineRun, "notifications", "dev"), default)).Problem);
    }

    [Fact]
    public void Options_are_validated_with_a_message_naming_the_setting()
    {
        using var services = Build(new() { ["GitLab:BaseUrl"] = "https://gitlab.example.com" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GitLabOptions>>().Value);

        Assert.Contains("GitLab:Token is required when GitLab:BaseUrl is set.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://gitlab.example.com/api/v4/"), new GitLabOptions { BaseUrl = new Uri("https://gitlab.example.com/api/v4") }.ApiBase);
    }

    private static ServiceCatalog CatalogWithout() => CatalogLoader.Parse("""
        environments: [{name: dev}]
        services:
          - name: notifications
            bindings: {dev: {kubernetes: {namespace: dev, deployment: notifications}}}
          - name: cart
            bindings: {dev: {gitlab: {project: shop/cart}}}
        """);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Example);
        services.AddSingleton<IIdempotencyStore>(new InMemoryIdempotencyStore());
        services.AddExecutors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static CommandRouter Router(ServiceProvider services) => services.GetRequiredService<CommandRouter>();

    private static CommandRouter Router(ServiceProvider services, ServiceCatalog catalog) =>
        new(catalog, new InMemoryIdempotencyStore(), services.GetRequiredService<GitLabExecutor>(), null, null);

    private static string WriteKubeconfig()
    {
        var path = Path.Combine(Path.GetTempPath(), $"executors-{Guid.NewGuid():N}.kubeconfig");
        File.WriteAllText(path, """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "http://127.0.0.1:3"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: x, context: {cluster: c, user: u}}]
            current-context: x
            """);
        return path;
    }
}
