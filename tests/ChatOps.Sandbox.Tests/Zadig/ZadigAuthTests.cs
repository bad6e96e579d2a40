using System.Net;
using ChatOps.Sandbox.Tests.Support;
using ChatOps.Sandbox.Zadig;

namespace ChatOps.Sandbox.Tests.Zadig;

public sealed class ZadigAuthTests : IAsyncLifetime
{
    private static readonly string Token = new SandboxTokens().ZadigToken;
    private ZadigEmulator _zadig = null!;

    public async Task InitializeAsync()
    {
        _zadig = new ZadigEmulator(new SandboxOptions());
        await _zadig.StartAsync();
    }

    public async Task DisposeAsync() => await _zadig.DisposeAsync();

    [Theory]
    [InlineData("Bearer {t}", "", HttpStatusCode.OK)]
    [InlineData("X-API-KEY {t}", "", HttpStatusCode.OK)]
    [InlineData(null, "&token={t}", HttpStatusCode.OK)]
    [InlineData("Bearer wrong", "&token={t}", HttpStatusCode.OK)]
    [InlineData("Bearer {t}", "&token=wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer  {t}", "", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong", "", HttpStatusCode.Unauthorized)]
    [InlineData(null, "", HttpStatusCode.Unauthorized)]
    public async Task Tokens_follow_the_gateway_rules_and_failures_have_an_empty_body(string? header, string query, HttpStatusCode status)
    {
        using var client = Http.Client(_zadig.BaseAddress, header is null ? null : "Authorization", header?.Replace("{t}", Token, StringComparison.Ordinal));

        using var response = await client.GetAsync("openapi/environments?projectKey=shop" + query.Replace("{t}", Token, StringComparison.Ordinal));

        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("", await response.Content.ReadAsStringAsync());
        }
    }
}
