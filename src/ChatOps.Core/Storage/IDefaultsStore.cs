namespace ChatOps.Core.Storage;

/// <summary>Keeps user and channel defaults ("use checkout", "in #payments-ops the service is payments").</summary>
public interface IDefaultsStore
{
    /// <summary>The defaults of a scope, e.g. "user:T1/U42" or "channel:T1/C7"; <see cref="UserDefaults.None"/> when unset.</summary>
    Task<UserDefaults> GetAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Replaces the defaults of a scope.</summary>
    Task SetAsync(string scope, UserDefaults defaults, CancellationToken cancellationToken);
}
