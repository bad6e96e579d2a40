using System.Net;
using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabRepositoryTests : IAsyncLifetime
{
    private GitLabEmulator _gitLab = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _gitLab = new GitLabEmulator(new SandboxOptions());
        await _gitLab.StartAsync();
        _client = Http.Client(_gitLab.ApiBase, "Authorization", "Bearer " + new SandboxTokens().GitLabToken);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gitLab.DisposeAsync();
    }

    [Theory]
    [InlineData("projects/platform%2Fgateway", "gateway")]
    [InlineData("projects/4720", "auth")]
    [InlineData("projects/shop%2Fnotifications", "notifications")]
    public async Task Projects_are_found_by_numeric_id_or_url_encoded_path(string path, string name)
    {
        var project = await _client.GetJsonAsync(path);

        Assert.Equal(name, project["name"]!.GetValue<string>());
        Assert.Equal("main", project["default_branch"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("projects/shop%2Fnope", """{"message":"404 Project Not Found"}""")]
    [InlineData("projects/4711/repository/branches/release%2F9.9", """{"message":"404 Branch Not Found"}""")]
    [InlineData("projects/4711/repository/branches/release/1.4", """{"error":"404 Not Found"}""")]
    [InlineData("projects/4711/pipelines/1", """{"message":"404 Not found"}""")]
    public async Task Unknown_things_answer_404_with_the_contract_body(string path, string body)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Branch_names_with_a_slash_are_looked_up_url_encoded_and_searched()
    {
        var branch = await _client.GetJsonAsync("projects/shop%2Fcheckout/repository/branches/hotfix%2Fpay-timeout");
        Assert.Equal("hotfix/pay-timeout", branch["name"]!.GetValue<string>());
        Assert.Equal(40, branch["commit"]!["id"]!.GetValue<string>().Length);

        var found = (await _client.GetJsonAsync("projects/4711/repository/branches?search=release")).AsArray();
        Assert.Equal(["release/1.4"], found.Select(b => b!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Tags_sort_by_version_descending_by_default()
    {
        var tags = (await _client.GetJsonAsync("projects/4711/repository/tags?order_by=version")).AsArray();

        Assert.Equal(["v2.3.1", "v2.3.0", "v1.8.0", "v1.4.2", "v1.4.1"], tags.Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Lists_paginate_with_x_headers_and_an_empty_next_page_at_the_end()
    {
        using var first = await _client.GetAsync("projects/4711/repository/branches?per_page=2");
        Assert.Equal("2", first.Headers.GetValues("x-next-page").Single());
        Assert.Equal("5", first.Headers.GetValues("x-total").Single());
        Assert.Equal("3", first.Headers.GetValues("x-total-pages").Single());
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());

        using var last = await _client.GetAsync("projects/4711/repository/branches?per_page=2&page=3");
        Assert.Equal("", last.Headers.GetValues("x-next-page").Single());
        Assert.Equal("2", last.Headers.GetValues("x-prev-page").Single());
        Assert.Single((await last.JsonAsync()).AsArray());
    }
}
