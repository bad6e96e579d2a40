using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Tracking;
using ChatOps.Executors.Zadig;
using ChatOps.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Benchmarks.Tracking;

/// <summary>The bot's tracking half as `chatops serve` composes it (executors, SQLite, AddRunTracking, hook endpoints on loopback Kestrel),
/// with a chat adapter that stamps the moment each live message is edited.</summary>
internal sealed class HookBot : IChatAdapter, IAsyncDisposable
{
    public const string Secret = "bench-gitlab-hook-secret";

    private readonly WebApplication _app;
    private readonly string _database;

    private HookBot(WebApplication app, string database)
    {
        _app = app;
        _database = database;
    }

    /// <summary>When each run's live message was edited (Stopwatch ticks), by run id.</summary>
    public ConcurrentDictionary<string, long> Edited { get; } = new(StringComparer.Ordinal);

    public Uri HookUrl { get; private set; } = null!;

    public IRunStore Store => _app.Services.GetRequiredService<IRunStore>();

    public RunTracker Tracker => _app.Services.GetRequiredService<RunTracker>();

    public static async Task<HookBot> StartAsync()
    {
        var database = Path.Combine(Path.GetTempPath(), $"chatops-hook-bench-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = "http://127.0.0.1:9/",
            ["GitLab:Token"] = "unused",
            ["Tracking:GitLabHookSecret"] = Secret,
        });
        builder.Services.AddSqliteStorage(database);
        builder.Services.AddSingleton(ChatOps.Core.Catalog.CatalogLoader.Load(System.IO.Path.Combine(RepoRoot.Path, "training-data", "catalog.yaml")));
        builder.Services.AddExecutors(builder.Configuration);
        builder.Services.AddRunTracking(builder.Configuration);
        HookBot? bot = null;
        builder.Services.AddSingleton<IChatAdapter>(_ => bot!);
        var app = builder.Build();
        bot = new HookBot(app, database);
        app.MapGitLabHooks();
        app.MapZadigHooks();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        bot.HookUrl = new Uri(new Uri(address), GitLabHooks.Path);
        return bot;
    }

    /// <summary>Stores <paramref name="count"/> running-or-queued GitLab runs with a posted message, backend ids "4711:{first + i}".</summary>
    public async Task SeedAsync(int first, int count)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = first; i < first + count; i++)
        {
            await Store.AddAsync(new RunRecord
            {
                Id = $"run-{i}",
                Backend = GitLabExecutor.Backend,
                BackendRunId = $"4711:{i}",
                RequestedBy = "U42",
                Summary = $"deploy checkout to uat (GitLab pipeline #{i})",
                Conversation = new ConversationKey("T1", "C1", "1700000000.000100"),
                Message = new MessageRef("C1", $"m{i}"),
                History = [new RunStatusChange(RunStatus.Queued, now, "start")],
                CreatedAt = now,
                UpdatedAt = now,
                Version = 1,
            }, CancellationToken.None);
        }
    }

    public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken) =>
        Task.FromResult<MessageRef?>(new MessageRef(conversation.Channel, "note"));

    public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
    {
        Edited.TryAdd(reply.RunId!, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_database + suffix);
    }
}
