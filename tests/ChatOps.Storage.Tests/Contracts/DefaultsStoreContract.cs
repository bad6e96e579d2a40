using System.Text.Json;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>What every <see cref="IDefaultsStore"/> must do, run once per provider by its subclasses.</summary>
public abstract class DefaultsStoreContract(IStorageUnderTest storage) : IDisposable
{
    private readonly IDefaultsStore _store = storage.OpenReplica(TimeProvider.System).Defaults;

    protected IStorageUnderTest Storage { get; } = storage;

    [Fact]
    public async Task An_unset_scope_has_no_defaults()
    {
        Assert.Equal(UserDefaults.None, await _store.GetAsync("user:T1/U42", CancellationToken.None));
    }

    [Fact]
    public async Task Defaults_with_a_last_command_round_trip_with_services_and_nulls()
    {
        var slots = new ParsedEntities { Services = ["checkout", "payments"], Environment = "staging", Replicas = 3, PipelineId = long.MaxValue };
        await _store.SetAsync("user:T1/U42", new UserDefaults("checkout", null, new ChatCommand("deploy", slots)), CancellationToken.None);

        var loaded = await _store.GetAsync("user:T1/U42", CancellationToken.None);

        Assert.Equal("checkout", loaded.Service);
        Assert.Null(loaded.Environment);
        var command = Assert.IsType<ChatCommand>(loaded.LastCommand);
        Assert.Equal("deploy", command.Intent);
        Assert.Equal(["checkout", "payments"], command.Slots.Services);
        Assert.Equal("checkout", command.Service);
        // why: records compare lists by reference, so compare the slots with the list put back in.
        Assert.Equal(slots, command.Slots with { Services = slots.Services });
        Assert.Null(command.Slots.Ref);
        Assert.Null(command.Slots.Lines);
    }

    [Fact]
    public async Task A_command_without_services_keeps_an_empty_list()
    {
        await _store.SetAsync("channel:T1/C7", new UserDefaults(LastCommand: new ChatCommand("pipeline.status", ParsedEntities.Empty)), CancellationToken.None);

        var loaded = await _store.GetAsync("channel:T1/C7", CancellationToken.None);

        Assert.Empty(loaded.LastCommand!.Slots.Services);
        Assert.Null(loaded.LastCommand.Service);
    }

    [Fact]
    public async Task Computed_service_properties_are_not_written()
    {
        await _store.SetAsync("user:T1/U42", new UserDefaults(LastCommand: new ChatCommand("deploy", new ParsedEntities { Services = ["checkout"] })), CancellationToken.None);

        using var json = JsonDocument.Parse((string)Storage.Scalar("SELECT json FROM defaults")!);

        var command = json.RootElement.GetProperty("lastCommand");
        Assert.False(command.TryGetProperty("service", out _));
        Assert.False(command.GetProperty("slots").TryGetProperty("service", out _));
        Assert.Equal("checkout", command.GetProperty("slots").GetProperty("services")[0].GetString());
    }

    [Fact]
    public async Task Stored_json_that_carries_computed_properties_still_reads()
    {
        await _store.SetAsync("user:T1/U42", UserDefaults.None, CancellationToken.None);
        Storage.Scalar("""
                UPDATE defaults SET json = '{"service":"a","lastCommand":{"intent":"deploy","service":"b","environment":"prod",
                "slots":{"services":["b"],"service":"b","environment":"prod"}}}'
                """);

        var loaded = await _store.GetAsync("user:T1/U42", CancellationToken.None);

        Assert.Equal("a", loaded.Service);
        Assert.Equal("b", loaded.LastCommand!.Service);
        Assert.Equal("prod", loaded.LastCommand.Environment);
    }

    [Fact]
    public async Task Setting_replaces_the_previous_defaults_of_that_scope_only()
    {
        await _store.SetAsync("user:T1/U42", new UserDefaults("checkout", "staging"), CancellationToken.None);
        await _store.SetAsync("user:T1/U7", new UserDefaults("billing"), CancellationToken.None);

        await _store.SetAsync("user:T1/U42", new UserDefaults(Environment: "prod"), CancellationToken.None);

        Assert.Equal(new UserDefaults(Environment: "prod"), await _store.GetAsync("user:T1/U42", CancellationToken.None));
        Assert.Equal(new UserDefaults("billing"), await _store.GetAsync("user:T1/U7", CancellationToken.None));
    }

    public void Dispose()
    {
        Storage.Dispose();
        GC.SuppressFinalize(this);
    }
}
