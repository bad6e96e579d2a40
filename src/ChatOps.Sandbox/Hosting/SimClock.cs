namespace ChatOps.Sandbox.Hosting;

/// <summary>Runs scheduled steps in due order on an injected TimeProvider, from one timer and from every request.</summary>
/// <remarks>While a step runs, <see cref="Now"/> is that step's due time, so a test that advances a fake clock by a minute
/// sees the same timeline as one that advances second by second (FakeTimeProvider fires callbacks at the end time).</remarks>
internal sealed class SimClock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _queueGate = new();
    private readonly Lock _pumpGate = new();
    private readonly PriorityQueue<Action, (DateTimeOffset Due, long Seq)> _queue = new();
    private readonly ITimer _timer;
    private DateTimeOffset? _stepTime;
    private long _seq;

    public SimClock(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public DateTimeOffset Now => _pumpGate.IsHeldByCurrentThread && _stepTime is { } step ? step : _time.GetUtcNow();

    public void After(TimeSpan delay, Action step) => At(Now + delay, step);

    public void At(DateTimeOffset due, Action step)
    {
        lock (_queueGate)
        {
            _queue.Enqueue(step, (due, _seq++));
        }

        if (!_pumpGate.IsHeldByCurrentThread)
        {
            Arm();
        }
    }

    /// <summary>Runs every step that is due now, in due order, including steps that due steps schedule.</summary>
    public void Pump()
    {
        lock (_pumpGate)
        {
            try
            {
                var now = _time.GetUtcNow();
                while (TakeDue(now) is { } next)
                {
                    _stepTime = next.Due;
                    next.Step();
                }
            }
            finally
            {
                _stepTime = null;
            }
        }

        Arm();
    }

    private (Action Step, DateTimeOffset Due)? TakeDue(DateTimeOffset now)
    {
        lock (_queueGate)
        {
            if (!_queue.TryPeek(out _, out var key) || key.Due > now)
            {
                return null;
            }

            // why: a step scheduled "in the past" (delay 0 inside a later step) still runs no earlier than the step that made it
            var due = key.Due < (_stepTime ?? key.Due) ? _stepTime!.Value : key.Due;
            return (_queue.Dequeue(), due);
        }
    }

    private void Arm()
    {
        TimeSpan wait;
        lock (_queueGate)
        {
            if (!_queue.TryPeek(out _, out var key))
            {
                return;
            }

            // why: a zero due time could run the pump re-entrantly inside a step; the next request or tick catches it
            wait = key.Due - _time.GetUtcNow();
            if (wait < TimeSpan.FromMilliseconds(1))
            {
                wait = TimeSpan.FromMilliseconds(1);
            }
        }

        _timer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();
}
