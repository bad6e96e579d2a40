using System.Collections.Concurrent;
using ChatOps.Core.Storage;

namespace ChatOps.Dialog.Tests.Fakes;

public sealed class InMemoryDefaultsStore : IDefaultsStore
{
    private readonly ConcurrentDictionary<string, UserDefaults> _rows = new();

    public Task<UserDefaults> GetAsync(string scope, CancellationToken cancellationToken) => Task.FromResult(_rows.GetValueOrDefault(scope, UserDefaults.None));

    public Task SetAsync(string scope, UserDefaults defaults, CancellationToken cancellationToken)
    {
        _rows[scope] = defaults;
        return Task.CompletedTask;
    }
}
