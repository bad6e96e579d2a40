using ChatOps.Cli.Hosting;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Sandbox.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Serve;

/// <summary>The whole `chatops serve` host in this process: sandbox backends, the Slack emulator, hooks and health on loopback, a fresh SQLite file.</summary>
internal sealed class ServeHost : IAsyncDisposable
{
    public const string Ops = "C0OPS";

    private ServeHost(BotHost bot) => Bot = bot;

    public BotHost Bot { get; }

    public SlackEmulator Slack => Bot.Slack!;

    public SlackScriptedUser Alice => Slack.User("U0ALICE");

    /// <summary>The settings of a bare `chatops serve`: no sandbox, no Slack, no backends, a fresh SQLite file; <paramref name="extra"/> on top.</summary>
    public static Dictionary<string, string?> Bare(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "false",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Storage:Sqlite"] = Path.Combine(Directory.CreateTempSubdirectory("chatops-serve").FullName, "chatops.db"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public static async Task<ServeHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "true",
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Storage:Sqlite"] = Path.Combine(Directory.CreateTempSubdirectory("chatops-serve").FullName, "chatops.db"),
            ["Sandbox:Steps:Queue"] = "00:00:00.200",
            ["Sandbox:Steps:Pickup"] = "00:00:00.200",
            ["Sandbox:Steps:Job"] = "00:00:00.400",
            ["Slack:ChannelInterval"] = "00:00:00.020",
            ["Slack:ReconnectDelay"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var bot = await BotHost.StartAsync(BotSurface.Serve, all, default);
        if (!string.Equals(all.GetValueOrDefault("Slack:Mode"), "Http", StringComparison.OrdinalIgnoreCase)) await bot.Slack!.WaitForLinksAsync(2);
        return new ServeHost(bot);
    }

    /// <summary>Waits for the bot's <paramref name="count"/>-th reply in a thread.</summary>
    public Task<SlackStoredMessage> ReplyAsync(string? threadTs, int count, string channel = Ops) =>
        Slack.WaitForAsync(() => Slack.BotReplies(channel, threadTs).ElementAtOrDefault(count - 1), TimeSpan.FromSeconds(30), $"bot reply #{count} in {channel}/{threadTs}");

    /// <summary>Waits until the message shows <paramref name="text"/> (the tracker edits it in place).</summary>
    public Task<SlackStoredMessage> EditedToAsync(SlackStoredMessage message, string text) =>
        Slack.WaitForAsync(() => Slack.Find(message.Channel, message.Ts) is { } m && m.BlockText.Contains(text, StringComparison.Ordinal) ? m : null,
            TimeSpan.FromSeconds(30), $"message {message.Ts} showing '{text}'");

    /// <summary>The runs the bot recorded, newest first.</summary>
    public Task<IReadOnlyList<RunRecord>> RunsAsync() => Bot.Services.GetRequiredService<IRunStore>().ListRecentAsync(50, default);

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
