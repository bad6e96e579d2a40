using System.Net;
using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Zadig;

namespace ChatOps.Sandbox.Tests.Zadig;

public sealed class ZadigDiscoveryTests : IAsyncLifetime
{
    private ZadigEmulator _zadig = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _zadig = new ZadigEmulator(new SandboxOptions());
        await _zadig.StartAsync();
        _client = ZadigClient.Create(_zadig.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _zadig.DisposeAsync();
    }

    [Fact]
    public async Task The_shop_project_lists_its_custom_workflows_and_legacy_product_workflows()
    {
        var workflows = (await _client.GetJsonAsync("openapi/workflows?projectKey=shop"))["workflows"]!.AsArray();

        var custom = workflows.Where(w => w!["type"]!.GetValue<string>() == "custom").Select(w => w!["workflow_key"]!.GetValue<string>());
        Assert.Equal(["devops-dev", "devops-qa", "devops-uat", "devops-staging", "devops-prod", "devops-chatops", "release-train"], custom);
        Assert.Contains(workflows, w => w!["workflow_key"]!.GetValue<string>() == "shop-workflow-prod" && w["type"]!.GetValue<string>() == "product");
    }

    [Fact]
    public async Task Test_and_production_environments_are_listed_apart_as_bare_arrays()
    {
        var test = (await _client.GetJsonAsync("openapi/environments?projectKey=shop")).AsArray();
        var production = (await _client.GetJsonAsync("openapi/environments/production?projectKey=shop")).AsArray();
        var unknown = (await _client.GetJsonAsync("openapi/environments?projectKey=nope")).AsArray();

        Assert.Equal(["dev", "qa", "uat", "staging"], test.Select(e => e!["env_key"]!.GetValue<string>()));
        Assert.Equal("prod", Assert.Single(production)!["namespace"]!.GetValue<string>());
        Assert.Empty(unknown);
    }

    [Fact]
    public async Task Listing_workflows_without_projectKey_is_a_400_bad_request()
    {
        using var response = await _client.GetAsync("openapi/workflows");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request", (await response.JsonAsync())["message"]!.GetValue<string>());
    }
}
