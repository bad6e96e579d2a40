using System.Globalization;
using System.Net;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Slack.Http;
using ChatOps.Adapters.Slack.Socket;
using ChatOps.Core.Chat;
using ChatOps.Sandbox.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Tests.Slack.Support;

/// <summary>The bot's Slack side as the composition root would host it (AddSlack + MapSlack on Kestrel, 127.0.0.1), over a given turn handler.</summary>
public sealed class SlackTestBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SlackTestBot(WebApplication app, Uri baseAddress)
    {
        _app = app;
        SlackUrl = new Uri(baseAddress, "slack/");
    }

    /// <summary>Where the HTTP-mode endpoints listen (…/slack/).</summary>
    public Uri SlackUrl { get; }

    public IServiceProvider Services => _app.Services;

    public SlackSocketModeAdapter Socket => Services.GetRequiredService<SlackSocketModeAdapter>();

    public SlackOutbox Outbox => Services.GetRequiredService<SlackOutbox>();

    public SlackChatAdapter Chat => Services.GetRequiredService<SlackChatAdapter>();

    /// <summary>Starts the bot against the emulator; socket mode also waits for its connections.</summary>
    public static async Task<SlackTestBot> StartAsync(SlackEmulator slack, ITurnHandler handler, SlackMode mode = SlackMode.Socket, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(slack);
        var config = new Dictionary<string, string?>
        {
            ["Slack:Mode"] = mode.ToString(),
            ["Slack:AppToken"] = slack.Options.AppToken,
            ["Slack:BotToken"] = slack.Options.BotToken,
            ["Slack:SigningSecret"] = slack.Options.SigningSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBase.ToString(),
            ["Slack:Connections"] = "2",
            ["Slack:ReconnectDelay"] = "00:00:00.100",
            ["Slack:ChannelInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddRouting().AddLogging();
        builder.Services.AddSingleton(handler);
        builder.Services.AddSlack(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bot = new SlackTestBot(app, new Uri(address.TrimEnd('/') + "/"));
        if (mode == SlackMode.Socket) await slack.WaitForLinksAsync(int.Parse(config["Slack:Connections"]!, CultureInfo.InvariantCulture)).ConfigureAwait(false);
        else slack.UseHttp(bot.SlackUrl);
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
