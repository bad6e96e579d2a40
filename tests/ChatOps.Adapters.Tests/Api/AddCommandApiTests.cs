using ChatOps.Adapters.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Tests.Api;

public class AddCommandApiTests
{
    [Theory]
    [InlineData("short", "ci", "at least 24 characters")]
    [InlineData("a-token-long-enough-0123456789", "", "needs a User")]
    [InlineData("a-token-long-enough-0123456789", "api/ci", "without spaces or '/'")]
    public void Weak_or_unnamed_tokens_stop_the_host_at_start(string token, string user, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Tokens:0:Token"] = token, ["Api:Tokens:0:User"] = user,
        }).Build();
        using var provider = new ServiceCollection().AddCommandApi(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApiOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_recognised_only_whole()
    {
        var options = Options.Create(new ApiOptions { Tokens = [new ApiToken { Name = "ci", Token = "a-token-long-enough-0123456789", User = "api:ci" }] });
        var authenticator = new ApiAuthenticator(options);
        Assert.Equal("api:ci", authenticator.Authenticate("Bearer a-token-long-enough-0123456789")?.User);
        Assert.Null(authenticator.Authenticate("Bearer a-token-long-enough-012345678"));
        Assert.Null(authenticator.Authenticate("Basic a-token-long-enough-0123456789"));
        Assert.Null(authenticator.Authenticate(null));
    }
}
