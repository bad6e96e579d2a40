namespace ChatOps.Executors.Tracking;

/// <summary>The delivery ids seen lately (a bounded set, oldest forgotten first), so a re-sent hook is dropped before any work.</summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string key)
    {
        lock (_gate)
        {
            return _keys.Contains(key);
        }
    }

    public void Add(string key)
    {
        lock (_gate)
        {
            if (!_keys.Add(key))
            {
                return;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _keys.Remove(_order.Dequeue());
            }
        }
    }
}
