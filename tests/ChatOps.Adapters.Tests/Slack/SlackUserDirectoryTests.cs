using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Tests.Slack;

public class SlackUserDirectoryTests
{
    [Fact]
    public async Task Emails_are_looked_up_once_and_then_served_from_the_cache()
    {
        await using var world = await SlackWorld.StartAsync(settings: new Dictionary<string, string?> { ["Slack:ResolveEmails"] = "true" });
        var users = world.Bot.Services.GetRequiredService<SlackUserDirectory>();
        Assert.Equal("alice@example.com", await users.GetEmailAsync("U0ALICE", CancellationToken.None));
        Assert.Equal("alice@example.com", await users.GetEmailAsync("U0ALICE", CancellationToken.None));
        Assert.Null(await users.GetEmailAsync("U0NOBODY", CancellationToken.None));
        Assert.Null(await users.GetEmailAsync("U0BOT", CancellationToken.None));
        Assert.Equal(3, world.Slack.Calls.Count(c => c.Method == "users.info"));
        Assert.All(world.Slack.Calls.Where(c => c.Method == "users.info"), c => Assert.Null(c.ContentType)); // a GET with the user in the query (§6.1)
    }

    [Fact]
    public async Task Without_the_setting_no_email_is_looked_up()
    {
        await using var world = await SlackWorld.StartAsync();
        var users = world.Bot.Services.GetRequiredService<SlackUserDirectory>();
        Assert.Null(await users.GetEmailAsync("U0ALICE", CancellationToken.None));
        Assert.Equal("alice", (await users.GetUserAsync("U0ALICE", CancellationToken.None))!.Name);
        Assert.DoesNotContain(world.Slack.Calls, c => c.Method == "users.info" && c.Arg("user") == "U0NOBODY");
    }

    [Fact]
    public async Task The_identity_resolver_gives_the_policy_the_slack_email_and_nothing_for_api_users()
    {
        await using var world = await SlackWorld.StartAsync(settings: new Dictionary<string, string?> { ["Slack:ResolveEmails"] = "true" });
        var resolver = world.Bot.Services.GetRequiredService<ChatOps.Core.Chat.IIdentityResolver>();
        var slack = new ChatOps.Core.Chat.ConversationKey("T0TEAM", SlackWorld.Ops, "1");
        Assert.Equal("alice@example.com", (await resolver.ResolveAsync(slack, "U0ALICE", CancellationToken.None)).Email);
        Assert.Null((await resolver.ResolveAsync(slack, "U0NOBODY", CancellationToken.None)).Email);
        Assert.Null((await resolver.ResolveAsync(slack with { Workspace = "api" }, "U0BOB", CancellationToken.None)).Email);
        Assert.DoesNotContain(world.Slack.Calls, c => c.Method == "users.info" && c.Arg("user") == "U0BOB");
    }
}
