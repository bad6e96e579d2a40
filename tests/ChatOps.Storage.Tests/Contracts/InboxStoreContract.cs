using ChatOps.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IInboxStore"/> must do, run once per provider by its subclasses.</summary>
public abstract class InboxStoreContract : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly IInboxStore _store;

    protected InboxStoreContract(IStorageUnderTest storage)
    {
        Storage = storage;
        _store = storage.OpenReplica(_time).Inbox;
    }

    protected IStorageUnderTest Storage { get; }

    [Fact]
    public async Task A_delivery_handled_in_time_is_never_taken_and_a_stale_one_is_taken_once_until_it_is_stale_again()
    {
        await _store.AddAsync("env-1", "events_api", """{"event":{"text":"deploy"}}""", CancellationToken.None);
        await _store.AddAsync("env-2", "interactive", "{}", CancellationToken.None);
        await _store.DoneAsync("env-2", CancellationToken.None);
        Assert.Empty(await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 10, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(2));
        var item = Assert.Single(await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 10, CancellationToken.None));
        Assert.Equal(("env-1", "events_api", """{"event":{"text":"deploy"}}""", 1), (item.Id, item.Kind, item.Payload, item.Attempts));
        Assert.Equal(_time.GetUtcNow().AddMinutes(-2), item.ReceivedAt);
        Assert.Empty(await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 10, CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, Assert.Single(await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 10, CancellationToken.None)).Attempts);
        await _store.DoneAsync("env-1", CancellationToken.None);
        Assert.Equal(0L, Convert.ToInt64(Storage.Scalar("SELECT count(*) FROM inbox"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_second_add_of_one_id_keeps_the_first()
    {
        await _store.AddAsync("env-1", "events_api", "first", CancellationToken.None);
        await _store.AddAsync("env-1", "events_api", "second", CancellationToken.None);
        Assert.Equal("first", Storage.Scalar("SELECT payload FROM inbox WHERE id = 'env-1'"));
    }

    [Fact]
    public async Task Two_replicas_taking_at_once_never_both_get_a_row()
    {
        for (var i = 0; i < 40; i++) await _store.AddAsync($"env-{i}", "events_api", "{}", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var replicas = new[] { _store, Storage.OpenReplica(_time).Inbox };

        var taken = await Race.RunAsync(20, i => replicas[i % 2].TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 3, CancellationToken.None));

        var ids = taken.SelectMany(t => t).Select(t => t.Id).ToList();
        // why: a taker that lost every row it chose to the other comes back empty; what is left is taken afterwards, each row still once
        IReadOnlyList<InboxItem> rest;
        while ((rest = await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 50, CancellationToken.None)).Count > 0) ids.AddRange(rest.Select(r => r.Id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task Takes_at_most_max_the_oldest_first()
    {
        await _store.AddAsync("old", "events_api", "{}", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        await _store.AddAsync("newer", "events_api", "{}", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("old", Assert.Single(await _store.TakeStaleAsync(_time.GetUtcNow().AddMinutes(-1), 1, CancellationToken.None)).Id);
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
