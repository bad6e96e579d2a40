namespace ChatOps.Executors.Tracking;

/// <summary>Striped async locks, so the changes of one run are applied and drawn one at a time while different runs proceed in parallel.</summary>
internal sealed class RunLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the lock of <paramref name="runId"/>; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(string runId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(runId) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
