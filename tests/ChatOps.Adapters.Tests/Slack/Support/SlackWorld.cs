using ChatOps.Adapters.Slack;
using ChatOps.Core.Chat;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack.Support;

/// <summary>An emulator and a bot over the scripted handler, started per test and torn down after it.</summary>
public sealed class SlackWorld : IAsyncDisposable
{
    private SlackWorld(SlackEmulator slack, SlackTestBot bot, ScriptedTurnHandler handler)
    {
        Slack = slack;
        Bot = bot;
        Handler = handler;
    }

    public const string Ops = "C0OPS";

    public SlackEmulator Slack { get; }

    public SlackTestBot Bot { get; }

    public ScriptedTurnHandler Handler { get; }

    public SlackScriptedUser Alice => Slack.User("U0ALICE");

    public SlackScriptedUser Bob => Slack.User("U0BOB");

    public static async Task<SlackWorld> StartAsync(SlackMode mode = SlackMode.Socket, IDictionary<string, string?>? settings = null, SlackEmulatorOptions? options = null, ITurnHandler? handler = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var slack = new SlackEmulator(options);
        await slack.StartAsync();
        var scripted = new ScriptedTurnHandler();
        var bot = await SlackTestBot.StartAsync(slack, handler ?? scripted, mode, settings, services);
        return new SlackWorld(slack, bot, scripted);
    }

    /// <summary>Waits for the bot's <paramref name="count"/>-th reply in a thread and returns it.</summary>
    public Task<SlackStoredMessage> ReplyAsync(string channel, string? threadTs, int count = 1) =>
        Slack.WaitForAsync(() => Slack.BotReplies(channel, threadTs).ElementAtOrDefault(count - 1), what: $"bot reply #{count} in {channel}/{threadTs}");

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
