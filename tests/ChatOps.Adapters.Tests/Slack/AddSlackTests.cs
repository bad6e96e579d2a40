using ChatOps.Adapters.Slack;
using ChatOps.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Tests.Slack;

public class AddSlackTests
{
    private static SlackOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddLogging().AddSlack(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SlackOptions>>().Value;
    }

    [Fact]
    public void Socket_mode_needs_an_app_token_and_a_bot_token()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Slack:BotToken", "xoxb-1")));
        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => Resolve(("Slack:AppToken", "xapp-1"), ("Slack:BotToken", "xapp-1")));
        Assert.Equal(2, Resolve(("Slack:AppToken", "xapp-1"), ("Slack:BotToken", "xoxb-1")).Connections);
    }

    [Fact]
    public void Http_mode_needs_the_signing_secret_but_no_app_token()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Slack:Mode", "http"), ("Slack:BotToken", "xoxb-1")));
        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
        Assert.Equal(SlackMode.Http, Resolve(("Slack:Mode", "http"), ("Slack:BotToken", "xoxb-1"), ("Slack:SigningSecret", "s")).Mode);
    }

    [Fact]
    public void More_than_ten_connections_are_refused()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(("Slack:AppToken", "xapp-1"), ("Slack:BotToken", "xoxb-1"), ("Slack:Connections", "11")));
    }

    [Fact]
    public void The_slack_chat_adapter_is_the_chat_adapter_unless_one_is_registered()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Slack:AppToken", (string?)"xapp-1"), KeyValuePair.Create("Slack:BotToken", (string?)"xoxb-1")]).Build();
        using var provider = new ServiceCollection().AddLogging().AddSlack(configuration).BuildServiceProvider();
        Assert.IsType<SlackChatAdapter>(provider.GetRequiredService<IChatAdapter>());
    }
}
