namespace Onboarding.GitHub;

public enum RetryReason
{
    None,

    /// <summary>403/429 with <c>x-ratelimit-remaining: 0</c>: wait until <c>x-ratelimit-reset</c>.</summary>
    PrimaryRateLimit,

    /// <summary>429, or 403 naming a secondary rate limit: honour <c>retry-after</c>, else at least a minute, doubling.</summary>
    SecondaryRateLimit,

    /// <summary>5xx, timeout or failed connection: exponential backoff with jitter, idempotent calls only.</summary>
    Transient,
}
