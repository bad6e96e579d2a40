using ChatOps.Executors.GitLab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Refit;

namespace ChatOps.Executors.Tests.GitLab;

/// <summary>The real Refit client parses the real GitLab responses go-gitlab ships (Debian golang-github-xanzy-go-gitlab-dev), served on loopback.</summary>
public class GoGitLabFixtureTests
{
    private const string Package = "golang-github-xanzy-go-gitlab-dev";
    private static readonly string TestData = "/usr/share/gocode/src/github.com/xanzy/go-gitlab/testdata";

    private static string Fixture(string name)
    {
        var path = Path.Combine(TestData, name);
        Assert.True(File.Exists(path), $"{path} is missing: install the Debian package {Package} (make test does)");
        return File.ReadAllText(path);
    }

    private static async Task<(WebApplication App, IGitLabApi Api)> ServeAsync(string route, string body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet(route, () => Results.Text(body, "application/json"));
        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/api/v4/") };
        return (app, RestService.For<IGitLabApi>(http, BackendJson.Refit()));
    }

    [Fact]
    public async Task A_real_get_branch_response_parses_with_its_commit()
    {
        var (app, api) = await ServeAsync("/api/v4/projects/{id}/repository/branches/{branch}", Fixture("get_branch.json"));
        await using (app)
        {
            var branch = await api.GetBranchAsync("shop%2Fcheckout", "master", CancellationToken.None);
            Assert.Equal(("master", true, true), (branch.Name, branch.Protected, branch.Default));
            Assert.Equal("7b5c3cc8be40ee161ae89a06bba6229da1032a0c", branch.Commit!.Id);
            Assert.Equal("7b5c3cc", branch.Commit.ShortId);
            Assert.Equal(new DateTimeOffset(2012, 6, 28, 3, 44, 20, TimeSpan.Zero), branch.Commit.CommittedDate);
        }
    }

    [Fact]
    public async Task A_real_list_branches_response_parses_every_branch()
    {
        var json = Fixture("list_branches.json");
        var (app, api) = await ServeAsync("/api/v4/projects/{id}/repository/branches", json);
        await using (app)
        {
            var response = await api.ListBranchesAsync("shop%2Fcheckout", null, 1, 100, CancellationToken.None);
            var branches = Assert.IsType<List<GitLabBranch>>(response.Content);
            var expected = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
            Assert.Equal(expected, branches.Select(b => b.Name));
            Assert.All(branches, b => Assert.False(string.IsNullOrEmpty(b.Commit?.Id)));
        }
    }
}
