using System.Text.Json;
using ChatOps.Core.Chat;
using ChatOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationStore"/> must do, run once per provider by its subclasses.</summary>
public abstract class ConversationStoreContract : IDisposable
{
    protected static readonly ConversationKey Key = new("T024BE7LD", "C07PAYOPS", "1718000000.123456");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly IConversationStore _store;

    protected ConversationStoreContract(IStorageUnderTest storage)
    {
        Storage = storage;
        _store = storage.OpenReplica(_time).Conversations;
    }

    protected IStorageUnderTest Storage { get; }

    protected DateTimeOffset Now => _time.GetUtcNow();

    protected Task SaveAsync(ConversationKey key, DateTimeOffset? expiresAt) => _store.SaveAsync(key, "{}", 0, expiresAt, CancellationToken.None);

    [Fact]
    public async Task A_conversation_never_seen_loads_as_null()
    {
        Assert.Null(await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_first_save_stores_version_one_and_each_later_save_adds_one()
    {
        Assert.True(await _store.SaveAsync(Key, """{"n":1}""", 0, null, CancellationToken.None));
        Assert.Equal(new StoredConversation("""{"n":1}""", 1), await _store.LoadAsync(Key, CancellationToken.None));

        Assert.True(await _store.SaveAsync(Key, """{"n":2}""", 1, null, CancellationToken.None));
        Assert.True(await _store.SaveAsync(Key, """{"n":3}""", 2, null, CancellationToken.None));

        Assert.Equal(new StoredConversation("""{"n":3}""", 3), await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Two_saves_with_the_same_expected_version_succeed_exactly_once()
    {
        var inserts = new[]
        {
            await _store.SaveAsync(Key, """{"by":"a"}""", 0, null, CancellationToken.None),
            await _store.SaveAsync(Key, """{"by":"b"}""", 0, null, CancellationToken.None),
        };
        var updates = new[]
        {
            await _store.SaveAsync(Key, """{"by":"c"}""", 1, null, CancellationToken.None),
            await _store.SaveAsync(Key, """{"by":"d"}""", 1, null, CancellationToken.None),
        };

        Assert.Equal([true, false], inserts);
        Assert.Equal([true, false], updates);
        Assert.Equal(new StoredConversation("""{"by":"c"}""", 2), await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task A_save_expecting_a_version_that_was_never_stored_is_refused()
    {
        Assert.False(await _store.SaveAsync(Key, "{}", 5, null, CancellationToken.None));
        Assert.Null(await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Fifty_savers_holding_the_same_version_have_exactly_one_winner()
    {
        await _store.SaveAsync(Key, """{"writer":-1}""", 0, null, CancellationToken.None);
        var allLoaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loaded = 0;

        var results = await Race.RunAsync(50, async i =>
        {
            var seen = await _store.LoadAsync(Key, CancellationToken.None);
            if (Interlocked.Increment(ref loaded) == 50)
                allLoaded.SetResult();
            await allLoaded.Task;
            return await _store.SaveAsync(Key, $$"""{"writer":{{i}}}""", seen!.Version, null, CancellationToken.None);
        });

        var winner = Assert.Single(Enumerable.Range(0, 50), i => results[i]);
        Assert.Equal(new StoredConversation($$"""{"writer":{{winner}}}""", 2), await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Fifty_interleaved_savers_apply_exactly_the_winners_with_strictly_increasing_versions()
    {
        await _store.SaveAsync(Key, """{"writer":-1}""", 0, null, CancellationToken.None);

        var attempts = await Race.RunAsync(50, async i =>
        {
            var mine = new List<(int Writer, long Seen, bool Won)>();
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var seen = await _store.LoadAsync(Key, CancellationToken.None);
                // why: a pause between read and write lets other savers slip in, as a slow turn would.
                await Task.Delay(Random.Shared.Next(0, 3));
                var writer = i * 10 + attempt;
                mine.Add((writer, seen!.Version, await _store.SaveAsync(Key, $$"""{"writer":{{writer}}}""", seen.Version, null, CancellationToken.None)));
            }
            return mine;
        });

        var winners = attempts.SelectMany(a => a).Where(a => a.Won).OrderBy(a => a.Seen).ToList();
        var final = await _store.LoadAsync(Key, CancellationToken.None);
        // why: each winner moved the version from what it saw to one more, so together they cover 1..W with no repeat.
        Assert.Equal(Enumerable.Range(1, winners.Count).Select(v => (long)v), winners.Select(w => w.Seen));
        Assert.Equal(1 + winners.Count, final!.Version);
        Assert.Equal($$"""{"writer":{{winners[^1].Writer}}}""", final.StateJson);
    }

    [Fact]
    public async Task Retrying_savers_lose_no_update()
    {
        await _store.SaveAsync(Key, """{"count":0}""", 0, null, CancellationToken.None);

        await Race.RunAsync(50, async _ =>
        {
            while (true)
            {
                var seen = await _store.LoadAsync(Key, CancellationToken.None);
                var count = JsonDocument.Parse(seen!.StateJson).RootElement.GetProperty("count").GetInt32();
                await Task.Delay(Random.Shared.Next(0, 2));
                if (await _store.SaveAsync(Key, $$"""{"count":{{count + 1}}}""", seen.Version, null, CancellationToken.None))
                    return count;
            }
        });

        Assert.Equal(new StoredConversation("""{"count":50}""", 51), await _store.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Only_conversations_whose_confirmation_expired_before_now_are_listed_oldest_first()
    {
        var now = _time.GetUtcNow();
        var soon = Key with { Thread = "soon" };
        var later = Key with { Thread = "later" };
        var answered = Key with { Thread = "answered" };
        await _store.SaveAsync(soon, "{}", 0, now.AddMinutes(1), CancellationToken.None);
        await _store.SaveAsync(later, "{}", 0, now.AddMinutes(5), CancellationToken.None);
        await _store.SaveAsync(answered, "{}", 0, now.AddMinutes(1), CancellationToken.None);
        await _store.SaveAsync(answered, "{}", 1, null, CancellationToken.None);

        Assert.Empty(await _store.ListDueAsync(_time.GetUtcNow(), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await _store.ListDueAsync(_time.GetUtcNow(), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal([soon], await _store.ListDueAsync(_time.GetUtcNow(), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal([soon, later], await _store.ListDueAsync(_time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Saves_stamp_updated_at_from_the_time_provider()
    {
        await _store.SaveAsync(Key, "{}", 0, null, CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), Storage.Scalar("SELECT updated_at FROM conversations"));
    }

    [Fact]
    public async Task A_thread_with_slashes_comes_back_whole_from_the_expiry_sweep()
    {
        var key = new ConversationKey("console", "dm", "ops/alice");
        await _store.SaveAsync(key, "{}", 0, _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([key], await _store.ListDueAsync(_time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task A_channel_with_a_slash_is_refused_because_its_key_would_be_ambiguous()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _store.SaveAsync(new ConversationKey("T1", "a/b", "c"), "{}", 0, null, CancellationToken.None));

        Assert.Contains("must not contain '/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_replicas_saving_from_the_same_version_have_exactly_one_winner()
    {
        var other = Storage.OpenReplica(_time).Conversations;
        Assert.True(await _store.SaveAsync(Key, """{"writer":-1}""", 0, null, CancellationToken.None));

        var results = await Race.RunAsync(50, i => (i % 2 == 0 ? _store : other).SaveAsync(Key, $$"""{"writer":{{i}}}""", 1, null, CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 50), i => results[i]);
        Assert.Equal(new StoredConversation($$"""{"writer":{{winner}}}""", 2), await other.LoadAsync(Key, CancellationToken.None));
    }

    [Fact]
    public async Task Two_replicas_creating_the_same_conversation_have_exactly_one_winner()
    {
        var other = Storage.OpenReplica(_time).Conversations;

        var results = await Race.RunAsync(50, i => (i % 2 == 0 ? _store : other).SaveAsync(Key, $$"""{"writer":{{i}}}""", 0, null, CancellationToken.None));

        var winner = Assert.Single(Enumerable.Range(0, 50), i => results[i]);
        Assert.Equal(new StoredConversation($$"""{"writer":{{winner}}}""", 1), await _store.LoadAsync(Key, CancellationToken.None));
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
