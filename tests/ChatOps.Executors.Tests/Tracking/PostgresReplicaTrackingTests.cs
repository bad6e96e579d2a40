using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;
using ChatOps.Storage.Stores;
using ChatOps.Storage.Tests.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>Two bot replicas on one PostgreSQL database, each with its own tracker, pool and chat adapter: hooks may reach either one.</summary>
public sealed class PostgresReplicaTrackingTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly MessageRef Message = new("C7", "1700000000.000200", null);
    private readonly PostgresUnderTest _db = new(server);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Hooks_arriving_at_either_replica_update_the_same_message_and_only_forward()
    {
        var (a, chatA) = Replica();
        var (b, chatB) = Replica();
        await AddRunAsync();

        Assert.Equal(RunUpdateOutcome.Applied, await a.ApplyAsync(Update(RunStatus.Running), CancellationToken.None));
        Assert.Equal(RunUpdateOutcome.Applied, await b.ApplyAsync(Update(RunStatus.Passed), CancellationToken.None));
        Assert.Equal(RunUpdateOutcome.Stale, await a.ApplyAsync(Update(RunStatus.Running), CancellationToken.None));

        Assert.Equal(Message, Assert.Single(chatA.Edits).Message);
        Assert.Equal(Message, Assert.Single(chatB.Edits).Message);
        Assert.Contains(": passed in", chatB.Edits[0].Reply.Text, StringComparison.Ordinal);
        Assert.Equal(Message, Assert.Single(chatB.Posts).Thread);
        Assert.Empty(chatA.Posts);
        var stored = (await new SqlRunStore(_db.OpenDatabase(_time)).GetAsync("run-1", CancellationToken.None))!;
        Assert.Equal([RunStatus.Queued, RunStatus.Running, RunStatus.Passed], stored.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Simultaneous_hooks_at_both_replicas_store_each_status_at_most_once_and_end_passed()
    {
        var (a, _) = Replica();
        var (b, _) = Replica();
        await AddRunAsync();

        // why: GitLab retries deliveries and both replicas sit behind one load balancer, so running and passed race on both.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).ApplyAsync(Update(i % 4 < 2 ? RunStatus.Running : RunStatus.Passed), CancellationToken.None))));

        var stored = (await new SqlRunStore(_db.OpenDatabase(_time)).GetAsync("run-1", CancellationToken.None))!;
        var statuses = stored.History.Select(h => h.Status).ToList();
        Assert.Equal(RunStatus.Passed, stored.Status);
        Assert.Equal(statuses.Distinct(), statuses);
        Assert.Equal(statuses.OrderBy(s => s), statuses);
        Assert.Equal(statuses.Count - 1, outcomes.Count(o => o == RunUpdateOutcome.Applied));
        Assert.Equal(statuses.Count, stored.Version);
        Assert.DoesNotContain(RunUpdateOutcome.Conflict, outcomes);
    }

    public void Dispose() => _db.Dispose();

    private (RunTracker Tracker, RecordingChatAdapter Chat) Replica()
    {
        var chat = new RecordingChatAdapter();
        var options = Options.Create(new TrackingOptions());
        var tracker = new RunTracker(new SqlRunStore(_db.OpenDatabase(_time)), chat, new RunBackends(null, null, options),
            new RunCallbacks(options), _time, NullLogger<RunTracker>.Instance);
        return (tracker, chat);
    }

    private async Task AddRunAsync()
    {
        var now = _time.GetUtcNow();
        var run = new RunRecord
        {
            Id = "run-1",
            Backend = "gitlab",
            BackendRunId = "4711:90211",
            RequestedBy = "U42",
            Summary = "deploy checkout to uat",
            Conversation = new ConversationKey("T1", "C7", "1700000000.000100"),
            Message = Message,
            Status = RunStatus.Queued,
            History = [new(RunStatus.Queued, now, "start")],
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Assert.True(await new SqlRunStore(_db.OpenDatabase(_time)).AddAsync(run, CancellationToken.None));
    }

    private RunUpdate Update(RunStatus status) => new("gitlab", "4711:90211", status, _time.GetUtcNow(), "hook");
}
