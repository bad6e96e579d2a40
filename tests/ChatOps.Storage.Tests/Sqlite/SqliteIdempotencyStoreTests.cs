using ChatOps.Core.Execution;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class SqliteIdempotencyStoreTests : IDisposable
{
    private static readonly IdempotencyKey Key = new("T1/C7/1718000000.123456#3");
    private readonly TempDatabase _file = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly SqliteIdempotencyStore _store;

    public SqliteIdempotencyStoreTests() => _store = new SqliteIdempotencyStore(_file.Open(_time), _time);

    [Fact]
    public async Task The_first_claim_wins_and_every_later_one_is_refused()
    {
        Assert.True(await _store.TryClaimAsync(Key, "replica-a", CancellationToken.None));
        Assert.False(await _store.TryClaimAsync(Key, "replica-b", CancellationToken.None));
        Assert.False(await _store.TryClaimAsync(Key, "replica-a", CancellationToken.None));
        Assert.True(await _store.TryClaimAsync(new IdempotencyKey("other"), "replica-b", CancellationToken.None));
    }

    [Fact]
    public async Task A_hundred_parallel_claims_of_one_key_from_two_replicas_have_exactly_one_winner()
    {
        // why: two database objects on one file stand in for two processes sharing the volume.
        var replicas = new[] { _store, new SqliteIdempotencyStore(_file.Open(_time), _time) };

        var wins = await Race.RunAsync(100, i => replicas[i % 2].TryClaimAsync(Key, $"caller-{i}", CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 100), i => wins[i]);
        using var raw = _file.OpenRaw();
        Assert.Equal($"caller-{winner}", TempDatabase.Scalar(raw, "SELECT owner FROM claims"));
    }

    [Fact]
    public async Task The_outcome_is_null_until_the_claim_is_completed()
    {
        Assert.Null(await _store.GetOutcomeAsync(Key, CancellationToken.None));
        await _store.TryClaimAsync(Key, "replica-a", CancellationToken.None);
        Assert.Null(await _store.GetOutcomeAsync(Key, CancellationToken.None));

        await _store.CompleteAsync(Key, "pipeline 48213 succeeded", CancellationToken.None);

        Assert.Equal("pipeline 48213 succeeded", await _store.GetOutcomeAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Completing_a_key_never_claimed_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _store.CompleteAsync(Key, "done", CancellationToken.None));

        Assert.Contains("never claimed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_and_completion_times_come_from_the_time_provider()
    {
        var claimedAt = _time.GetUtcNow();
        await _store.TryClaimAsync(Key, "replica-a", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        await _store.CompleteAsync(Key, "done", CancellationToken.None);

        using var raw = _file.OpenRaw();

        Assert.Equal(claimedAt.ToUnixTimeMilliseconds(), TempDatabase.Scalar(raw, "SELECT claimed_at FROM claims"));
        Assert.Equal(claimedAt.AddMinutes(3).ToUnixTimeMilliseconds(), TempDatabase.Scalar(raw, "SELECT completed_at FROM claims"));
    }

    public void Dispose() => _file.Dispose();
}
