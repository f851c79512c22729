namespace Onboarding.GitHub;

/// <summary>
/// GitHub's advice against secondary rate limits, on the injected clock: mutating calls one at a time,
/// at least <see cref="GitHubClientOptions.MinimumMutationInterval"/> apart, and no more content-creating
/// requests per minute and per hour than allowed. Every mutating call counts as content-creating: it is
/// the safe reading of a limit GitHub does not define per endpoint.
/// </summary>
public sealed class MutationPacer(TimeProvider time, GitHubClientOptions options) : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<DateTimeOffset> sentInLastHour = new();
    private DateTimeOffset? lastSent;

    /// <summary>Holds the one-at-a-time gate for a whole call, retries included.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>Waits until one more mutating request may go out, then records it as sent. Call inside <see cref="EnterAsync"/>.</summary>
    public async Task BeforeSendAsync(CancellationToken cancellationToken)
    {
        var wait = RequiredWait(time.GetUtcNow());
        while (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
            wait = RequiredWait(time.GetUtcNow());
        }

        var now = time.GetUtcNow();
        lastSent = now;
        sentInLastHour.Enqueue(now);
    }

    public void Dispose() => gate.Dispose();

    private TimeSpan RequiredWait(DateTimeOffset now)
    {
        while (sentInLastHour.Count > 0 && sentInLastHour.Peek() <= now - Hour)
        {
            sentInLastHour.Dequeue();
        }

        var wait = lastSent is { } last ? last + options.MinimumMutationInterval - now : TimeSpan.Zero;
        wait = Max(wait, WindowWait(now, Minute, options.ContentCreationsPerMinute));
        return Max(wait, WindowWait(now, Hour, options.ContentCreationsPerHour));
    }

    // With `limit` requests already inside the rolling window, the next one waits until the oldest of them leaves it.
    private TimeSpan WindowWait(DateTimeOffset now, TimeSpan window, int limit)
    {
        var inWindow = sentInLastHour.Where(sent => sent > now - window).ToList();
        return inWindow.Count < limit ? TimeSpan.Zero : inWindow[^limit] + window - now;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
