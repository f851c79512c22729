namespace Onboarding.Testing;

/// <summary>
/// A clock for tests that never sleep: every timer (so every <c>Task.Delay(delay, clock)</c> and every
/// Polly retry delay) fires at once, after moving the clock forward by its due time. The requested
/// waits are recorded in order, so a test can assert them exactly.
/// </summary>
public sealed class AutoAdvancingClock : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock gate = new();
    private readonly List<TimeSpan> waits = [];
    private readonly DateTimeOffset start;
    private DateTimeOffset now;

    public AutoAdvancingClock(DateTimeOffset? start = null)
    {
        this.start = start ?? DefaultStart;
        now = this.start;
    }

    /// <summary>Every positive wait requested through a timer, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (gate)
            {
                return [.. waits];
            }
        }
    }

    public TimeSpan Elapsed => GetUtcNow() - start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new FiringTimer(this, callback, state, dueTime);

    private void Fire(TimerCallback callback, object? state, TimeSpan dueTime)
    {
        lock (gate)
        {
            if (dueTime > TimeSpan.Zero)
            {
                waits.Add(dueTime);
                now += dueTime;
            }
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
    }

    /// <summary>Fires once, as soon as it is scheduled with a finite due time; periodic timers are not needed by the code under test.</summary>
    private sealed class FiringTimer : ITimer
    {
        private readonly AutoAdvancingClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private bool fired;

        public FiringTimer(AutoAdvancingClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (fired || dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }

            fired = true;
            clock.Fire(callback, state, dueTime);
            return true;
        }

        public void Dispose() => fired = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
