namespace Onboarding.GitHub;

/// <summary>Reads GitHub's rate-limit signals from a response.</summary>
public static class RetryClassifier
{
    public static async ValueTask<RetryReason> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 403 or 429)
        {
            if (IsPrimaryLimitExhausted(response))
            {
                return RetryReason.PrimaryRateLimit;
            }

            if (status == 429)
            {
                return RetryReason.SecondaryRateLimit;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                ? RetryReason.SecondaryRateLimit
                : RetryReason.None;
        }

        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout ? RetryReason.Transient : RetryReason.None;
    }

    public static bool IsPrimaryLimitExhausted(HttpResponseMessage response) => Header(response, "x-ratelimit-remaining") == "0";

    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        }

        return null;
    }

    public static DateTimeOffset? RateLimitReset(HttpResponseMessage response) =>
        long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds)
            ? DateTimeOffset.FromUnixTimeSeconds(epochSeconds)
            : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
