using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Storage;
using ChatOps.Executors.Tests.Support;
using ChatOps.Executors.Tracking;
using ChatOps.Executors.Zadig;
using ChatOps.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Tests.Tracking;

public sealed class TrackingRegistrationTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"chatops-registration-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AddRunTracking_composes_with_AddExecutors_in_either_order_and_the_dialog_sees_the_tracking_executor(bool trackingFirst)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitLab:BaseUrl"] = "http://127.0.0.1:9/",
            ["GitLab:Token"] = "t",
            ["Zadig:BaseUrl"] = "http://127.0.0.1:9/",
            ["Zadig:Token"] = "t",
            ["Tracking:PublicBaseUrl"] = "https://chatops.example.com",
            ["Tracking:CallbackSecret"] = "s3cret",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton(CatalogLoader.Load(RepoFiles.Catalog))
            .AddSingleton<IIdempotencyStore>(new InMemoryIdempotencyStore())
            .AddSingleton<IChatAdapter>(new RecordingChatAdapter())
            .AddSqliteStorage(_database);
        if (trackingFirst)
        {
            services.AddRunTracking(configuration).AddExecutors(configuration);
        }
        else
        {
            services.AddExecutors(configuration);
            services.AddRunTracking(configuration);
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<TrackingExecutor>(provider.GetRequiredService<ICommandExecutor>());
        var callbacks = provider.GetRequiredService<RunCallbacks>();
        var zadig = provider.GetRequiredService<ZadigExecutor>();
        Assert.Equal(new Uri("https://chatops.example.com/hooks/zadig/" + callbacks.TokenFor("req-1")), zadig.CallbackUrlFor(new IdempotencyKey("req-1")));
        Assert.NotEqual(callbacks.TokenFor("req-1"), callbacks.TokenFor("req-2"));
        Assert.Equal(TimeSpan.FromSeconds(60), provider.GetRequiredService<IOptions<TrackingOptions>>().Value.HookGrace);
    }

    [Fact]
    public void Inconsistent_poll_settings_are_refused_with_the_key_to_fix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:PollMinBackoff"] = "00:10:00",
            ["Tracking:PollMaxBackoff"] = "00:01:00",
        }).Build();
        using var provider = new ServiceCollection().AddRunTracking(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TrackingOptions>>().Value);
        Assert.Contains("Tracking:PollMinBackoff must be positive and at most Tracking:PollMaxBackoff.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
