using ChatOps.Core.Chat;
using ChatOps.Core.Storage;
using ChatOps.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Storage.Tests;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public async Task The_stores_are_singletons_on_one_migrated_database_using_the_registered_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var key = new ConversationKey("T1", "C7", "1");
        await using (var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSqliteStorage(_file.FilePath).BuildServiceProvider())
        {
            Assert.Same(provider.GetRequiredService<IConversationStore>(), provider.GetRequiredService<IConversationStore>());
            Assert.Same(provider.GetRequiredService<SqliteDatabase>(), provider.GetRequiredService<SqliteDatabase>());
            Assert.True(await provider.GetRequiredService<IConversationStore>().SaveAsync(key, "{}", 0, null, CancellationToken.None));
            Assert.True(await provider.GetRequiredService<IIdempotencyStore>().TryClaimAsync(new("k"), "me", CancellationToken.None));
            Assert.Equal(UserDefaults.None, await provider.GetRequiredService<IDefaultsStore>().GetAsync("user:T1/U1", CancellationToken.None));
        }

        using var raw = _file.OpenRaw();
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), TempDatabase.Scalar(raw, "SELECT updated_at FROM conversations"));
    }

    [Fact]
    public void An_in_memory_database_is_refused_at_registration()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSqliteStorage(":memory:"));
    }

    public void Dispose() => _file.Dispose();
}
