using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabPipelineListTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero));
    private GitLabEmulator _gitLab = null!;
    private HttpClient _client = null!;
    private readonly List<long> _ids = [];

    public async Task InitializeAsync()
    {
        _gitLab = new GitLabEmulator(new SandboxOptions { TimeProvider = _time });
        await _gitLab.StartAsync();
        _client = Http.Client(_gitLab.ApiBase, "PRIVATE-TOKEN", new SandboxTokens().GitLabToken);
        foreach (var reference in new[] { "main", "develop", "main" })
        {
            _ids.Add((await _client.PostJsonAsync("projects/4711/pipeline", new { @ref = reference }))["id"]!.GetValue<long>());
            _time.Advance(TimeSpan.FromMinutes(3));
        }

        await _client.PostAsync("projects/4711/pipeline?ref=v2.3.1", null);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gitLab.DisposeAsync();
    }

    [Fact]
    public async Task Pipelines_list_newest_first_and_filter_by_ref_and_status()
    {
        var all = await Ids("projects/4711/pipelines");
        var main = await Ids("projects/4711/pipelines?ref=main&sort=asc");
        var created = await Ids("projects/4711/pipelines?status=created");
        var tags = await Ids("projects/4711/pipelines?scope=tags");

        Assert.Equal(4, all.Count);
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal([_ids[0], _ids[2]], main);
        Assert.Equal([all[0]], created);
        Assert.Equal([all[0]], tags);
    }

    [Fact]
    public async Task Pipelines_paginate_and_latest_returns_the_newest_of_a_ref()
    {
        using var page = await _client.GetAsync("projects/4711/pipelines?per_page=3&page=2");
        var latest = await _client.GetJsonAsync("projects/4711/pipelines/latest?ref=main");

        Assert.Equal("4", page.Headers.GetValues("x-total").Single());
        Assert.Equal("", page.Headers.GetValues("x-next-page").Single());
        Assert.Single((await page.JsonAsync()).AsArray());
        Assert.Equal(_ids[2], latest["id"]!.GetValue<long>());
        Assert.Equal("success", latest["status"]!.GetValue<string>());
    }

    private async Task<List<long>> Ids(string path) =>
        (await _client.GetJsonAsync(path)).AsArray().Select(p => p!["id"]!.GetValue<long>()).ToList();
}
