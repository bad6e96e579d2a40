namespace ChatOps.Adapters.Slack;

public sealed partial class SlackOutbox
{
    /// <summary>The calls for one channel (or one method) in order, with a token bucket for the pace.</summary>
    private sealed class Lane(bool paced, int burst)
    {
        private readonly Queue<Item> _items = new();
        private bool _draining;

        public bool Paced { get; } = paced;

        public double Tokens { get; set; } = Math.Max(1, burst);

        public DateTimeOffset? RefilledAt { get; set; }

        public void Enqueue(Item item, Action startDrain)
        {
            lock (_items)
            {
                _items.Enqueue(item);
                if (_draining) return;
                _draining = true;
            }

            startDrain();
        }

        /// <summary>The next call still wanted, or null (and the lane idle) when there is none.</summary>
        public Item? Next()
        {
            lock (_items)
            {
                while (_items.TryPeek(out var item) && item.Done.Task.IsCompleted) _items.Dequeue();
                if (_items.TryPeek(out var next)) return next;
                _draining = false;
                return null;
            }
        }

        public void Remove(Item item)
        {
            lock (_items)
            {
                if (_items.TryPeek(out var head) && ReferenceEquals(head, item)) _items.Dequeue();
            }
        }
    }
}
