using Microsoft.Extensions.Hosting;

namespace ChatOps.Storage;

/// <summary>Migrates the storage database when the host starts, so a wrong or unreachable database stops the start, not the first message.</summary>
internal sealed class MigrateOnStart(IStorageDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
