using Polly;
using Polly.Retry;

namespace Onboarding.GitHub;

/// <summary>
/// Builds the retry pipelines that follow GitHub's rules. Rate-limited requests were refused, not
/// processed, so they are retried for every method; 5xx, timeouts and failed connections leave the
/// outcome open, so only idempotent calls are retried on them. A rate limit that asks for a longer
/// wait than <see cref="GitHubClientOptions.MaxRateLimitWait"/> fails at once rather than outlive the job.
/// </summary>
public static class RetryPipelineFactory
{
    private static readonly TimeSpan MaxTransientBackoff = TimeSpan.FromMinutes(2);

    public static ResiliencePipeline<HttpResponseMessage> Create(GitHubClientOptions options, TimeProvider time, bool idempotent, Action<string> log)
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
            ShouldHandle = async args => await ReasonAsync(args.Outcome, idempotent, args.Context.CancellationToken) switch
            {
                RetryReason.None => false,
                RetryReason.Transient => true,
                var limit => Delay(limit, args.Outcome, args.AttemptNumber, options, time) <= options.MaxRateLimitWait,
            },
            DelayGenerator = async args =>
                Delay(await ReasonAsync(args.Outcome, idempotent, args.Context.CancellationToken), args.Outcome, args.AttemptNumber, options, time),
            OnRetry = args =>
            {
                var what = args.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name;
                log($"{args.Context.OperationKey}: {what}; try {args.AttemptNumber + 2} of {options.MaxAttempts} in {args.RetryDelay.TotalSeconds:0.###} s");
                return ValueTask.CompletedTask;
            },
        };
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }.AddRetry(retry).Build();
    }

    private static async ValueTask<RetryReason> ReasonAsync(Outcome<HttpResponseMessage> outcome, bool idempotent, CancellationToken cancellationToken)
    {
        var reason = outcome.Exception switch
        {
            HttpRequestException or AttemptTimeoutException => RetryReason.Transient,
            null => await RetryClassifier.ClassifyAsync(outcome.Result!, cancellationToken),
            _ => RetryReason.None,
        };
        return reason == RetryReason.Transient && !idempotent ? RetryReason.None : reason;
    }

    private static TimeSpan Delay(RetryReason reason, Outcome<HttpResponseMessage> outcome, int retryIndex, GitHubClientOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var doubling = Math.Pow(2, Math.Min(retryIndex, 16));
        switch (reason)
        {
            case RetryReason.PrimaryRateLimit:
                var reset = RetryClassifier.RateLimitReset(outcome.Result!);
                return reset is { } at ? (at > now ? at - now : TimeSpan.Zero) : options.SecondaryRateLimitBackoff;
            case RetryReason.SecondaryRateLimit:
                return RetryClassifier.RetryAfter(outcome.Result!, now) is { } after && after >= TimeSpan.Zero
                    ? after
                    : options.SecondaryRateLimitBackoff * doubling;
            default:
                var backoff = options.BaseBackoff * doubling;
                backoff = backoff > MaxTransientBackoff ? MaxTransientBackoff : backoff;
                return backoff + (backoff * (0.25 * Math.Clamp(options.Jitter(), 0, 1)));
        }
    }
}
