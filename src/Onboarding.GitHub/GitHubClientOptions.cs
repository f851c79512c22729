namespace Onboarding.GitHub;

/// <summary>Where and as whom the client talks to GitHub, and how patiently.</summary>
public sealed class GitHubClientOptions
{
    public const string ApiVersion = "2022-11-28";

    /// <summary><c>https://api.github.com/</c>, or <c>https://HOST/api/v3/</c> for GitHub Enterprise Server.</summary>
    public Uri BaseAddress { get; init; } = new("https://api.github.com/");

    /// <summary>An App installation token or a PAT. Never printed: see <see cref="ToString"/> and <see cref="SecretRedactor"/>.</summary>
    public required string Token { get; init; }

    public string UserAgent { get; init; } = "onboard";

    /// <summary>Total tries of one call, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff after a 5xx, a timeout or a failed connection; doubles on every further try.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Shortest wait after a secondary rate limit that names no <c>retry-after</c> (GitHub asks for at least a minute).</summary>
    public TimeSpan SecondaryRateLimitBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest rate-limit wait the client sits out; a later reset fails the call at once, naming the reset time.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Returns a fraction in [0, 1) of the backoff to add, so that many clients do not retry in lockstep.
    /// Jitter is at most a quarter of the backoff.
    /// </summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>How long one try may take on the wall clock before it counts as timed out.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>GitHub's secondary-limit advice: at least a second between mutating calls.</summary>
    public TimeSpan MinimumMutationInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>GitHub's secondary-limit advice: at most 80 content-creating requests per minute.</summary>
    public int ContentCreationsPerMinute { get; init; } = 80;

    /// <summary>GitHub's secondary-limit advice: at most 500 content-creating requests per hour.</summary>
    public int ContentCreationsPerHour { get; init; } = 500;

    /// <summary>How often to look for the default branch of a repository generated from a template.</summary>
    public int ReadinessChecks { get; init; } = 8;

    /// <summary>Receives one line per request, response and retry; secrets are already redacted.</summary>
    public Action<string>? Log { get; init; }

    public override string ToString() =>
        $"GitHubClientOptions {{ BaseAddress = {BaseAddress}, Token = {SecretRedactor.Mask}, UserAgent = {UserAgent}, MaxAttempts = {MaxAttempts} }}";
}
