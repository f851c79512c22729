namespace Onboarding.Testing.FakeGitHub;

public enum FaultKind
{
    /// <summary>500 with GitHub's error body.</summary>
    InternalServerError,

    /// <summary>502, as GitHub's front end answers when a backend is slow.</summary>
    BadGateway,

    /// <summary>No answer at all until the client gives up (its timeout) or the server stops.</summary>
    Timeout,

    /// <summary>The connection is dropped without an answer.</summary>
    ConnectionReset,

    /// <summary>403 "You have exceeded a secondary rate limit", with <c>retry-after</c> when <see cref="FaultRule.RetryAfter"/> is set.</summary>
    SecondaryRateLimit,

    /// <summary>429, with <c>retry-after</c> when <see cref="FaultRule.RetryAfter"/> is set.</summary>
    TooManyRequests,

    /// <summary>403 "Resource not accessible by integration": the token lacks a permission (no rate limit involved).</summary>
    Forbidden,

    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> <see cref="FaultRule.ResetAfter"/> from now.</summary>
    PrimaryRateLimit,
}
