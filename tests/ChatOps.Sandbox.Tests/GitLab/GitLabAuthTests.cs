using System.Net;
using System.Net.Http.Json;
using ChatOps.Sandbox.GitLab;
using ChatOps.Sandbox.Tests.Support;

namespace ChatOps.Sandbox.Tests.GitLab;

public sealed class GitLabAuthTests : IAsyncLifetime
{
    private static readonly SandboxTokens Tokens = new();
    private GitLabEmulator _gitLab = null!;

    public async Task InitializeAsync()
    {
        _gitLab = new GitLabEmulator(new SandboxOptions());
        await _gitLab.StartAsync();
    }

    public async Task DisposeAsync() => await _gitLab.DisposeAsync();

    [Theory]
    [InlineData("PRIVATE-TOKEN", "api", HttpStatusCode.OK)]
    [InlineData("Authorization", "Bearer api", HttpStatusCode.OK)]
    [InlineData("PRIVATE-TOKEN", "read", HttpStatusCode.OK)]
    [InlineData("PRIVATE-TOKEN", "glpat-wrong", HttpStatusCode.Unauthorized)]
    [InlineData("JOB-TOKEN", "api", HttpStatusCode.Unauthorized)]
    [InlineData("Authorization", "Basic api", HttpStatusCode.Unauthorized)]
    public async Task Reads_need_a_personal_token_in_PRIVATE_TOKEN_or_Bearer(string header, string value, HttpStatusCode status)
    {
        using var client = Http.Client(_gitLab.ApiBase, header, Resolve(value));

        using var response = await client.GetAsync("projects/4711");

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("""{"message":"401 Unauthorized"}""", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_read_api_token_cannot_write_and_gets_insufficient_scope()
    {
        using var client = Http.Client(_gitLab.ApiBase, "PRIVATE-TOKEN", Tokens.GitLabReadOnlyToken);

        using var response = await client.PostAsJsonAsync("projects/4711/pipeline", new { @ref = "main" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("insufficient_scope", body["error"]!.GetValue<string>());
        Assert.Equal("api", body["scope"]!.GetValue<string>());
    }

    private static string Resolve(string value) => value
        .Replace("api", Tokens.GitLabToken, StringComparison.Ordinal)
        .Replace("read", Tokens.GitLabReadOnlyToken, StringComparison.Ordinal);
}
