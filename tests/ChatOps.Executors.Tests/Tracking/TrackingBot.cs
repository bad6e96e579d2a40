using System.Net;
using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Tests.Support;
using ChatOps.Executors.Tracking;
using ChatOps.Executors.Zadig;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>The bot's tracking half as the composition root would build it: executors, tracking, the real SQLite run store and the hook
/// endpoints on a loopback Kestrel; only the chat adapter is a recording fake, and the poller is driven by the test instead of a timer.</summary>
public sealed class TrackingBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteDatabase _database;

    private TrackingBot(WebApplication app, SqliteDatabase database, RecordingChatAdapter chat, Uri address)
    {
        _app = app;
        _database = database;
        Chat = chat;
        Address = address;
    }

    public Uri Address { get; }

    public RecordingChatAdapter Chat { get; }

    public IServiceProvider Services => _app.Services;

    public RunTracker Tracker => Services.GetRequiredService<RunTracker>();

    public RunPoller Poller => Services.GetRequiredService<RunPoller>();

    public IRunStore Store => Services.GetRequiredService<IRunStore>();

    public ICommandExecutor Executor => Services.GetRequiredService<ICommandExecutor>();

    public static async Task<TrackingBot> StartAsync(int port, IDictionary<string, string?> settings, TimeProvider time, string databasePath,
        ServiceCatalog catalog, RecordingChatAdapter chat, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        var database = new SqliteDatabase(databasePath, time);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<IIdempotencyStore>(new InMemoryIdempotencyStore());
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton<IRunStore>(new SqlRunStore(database));
        builder.Services.AddSingleton<IChatAdapter>(chat);
        builder.Services.AddExecutors(builder.Configuration);
        builder.Services.AddRunTracking(builder.Configuration);
        // why: the tests call the poller on the fake clock themselves; a timer racing them would make the order of polls random
        var pollerService = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RunPollerService));
        builder.Services.Remove(pollerService);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGitLabHooks();
        app.MapZadigHooks();
        await app.StartAsync();
        return new TrackingBot(app, database, chat, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Runs the command as the dialog would after a confirmation, then posts the reply the way an adapter does and reports where it landed.</summary>
    public async Task<(ExecutionResult Result, RunRecord? Run, MessageRef Message)> StartRunAsync(ExecutionRequest request)
    {
        var result = await Executor.ExecuteAsync(request, default);
        var reply = new Reply(result.Text, [], RunId: result.Run is null ? null : request.Key.Value);
        var message = (await Chat.SendAsync(request.Conversation, reply, null, default))!;
        var run = reply.RunId is { } id ? await Tracker.AttachMessageAsync(id, message, default) : null;
        return (result, run, message);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }
}
