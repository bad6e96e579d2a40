namespace ChatOps.Storage.Tests.Contracts;

/// <summary>One fresh database of one provider, which the contract tests open as many replicas as they need.</summary>
public interface IStorageUnderTest : IDisposable
{
    /// <summary>The provider's name, for messages.</summary>
    string Provider { get; }

    /// <summary>Stores on a new database object over the same data: another pool, standing in for another process.</summary>
    StoreSet OpenReplica(TimeProvider timeProvider);

    /// <summary>Runs SQL outside the stores, as an operator would, and returns the first column of the first row (or null).</summary>
    object? Scalar(string sql);
}
