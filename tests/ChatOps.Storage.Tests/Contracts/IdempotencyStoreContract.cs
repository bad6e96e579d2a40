using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IIdempotencyStore"/> must do, run once per provider by its subclasses.</summary>
public abstract class IdempotencyStoreContract : IDisposable
{
    private static readonly IdempotencyKey Key = new("T1/C7/1718000000.123456#3");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly IIdempotencyStore _store;

    protected IdempotencyStoreContract(IStorageUnderTest storage)
    {
        Storage = storage;
        _store = storage.OpenReplica(_time).Claims;
    }

    protected IStorageUnderTest Storage { get; }

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
        // why: two database objects (two pools) on one database stand in for two processes.
        var replicas = new[] { _store, Storage.OpenReplica(_time).Claims };

        var wins = await Race.RunAsync(100, i => replicas[i % 2].TryClaimAsync(Key, $"caller-{i}", CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 100), i => wins[i]);
        Assert.Equal($"caller-{winner}", Storage.Scalar("SELECT owner FROM claims"));
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

        Assert.Equal(claimedAt.ToUnixTimeMilliseconds(), Storage.Scalar("SELECT claimed_at FROM claims"));
        Assert.Equal(claimedAt.AddMinutes(3).ToUnixTimeMilliseconds(), Storage.Scalar("SELECT completed_at FROM claims"));
    }

    [Fact]
    public async Task Fifty_claims_of_one_key_from_two_replicas_have_exactly_one_winner_and_its_outcome_is_seen_by_both()
    {
        var replicas = new[] { _store, Storage.OpenReplica(_time).Claims };

        var wins = await Race.RunAsync(50, i => replicas[i % 2].TryClaimAsync(Key, $"replica-{i % 2}", CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 50), i => wins[i]);
        await replicas[winner % 2].CompleteAsync(Key, "deployed once", CancellationToken.None);
        Assert.Equal("deployed once", await replicas[(winner + 1) % 2].GetOutcomeAsync(Key, CancellationToken.None));
        Assert.Equal(1L, Convert.ToInt64(Storage.Scalar("SELECT count(*) FROM claims"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
