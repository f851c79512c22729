namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// Answers matching requests with a fault instead of the normal answer. Occurrences are counted among
/// the requests that match <see cref="Operation"/>: <c>FirstOccurrence = 2, Times = 3</c> faults the
/// 2nd, 3rd and 4th of them.
/// </summary>
public sealed record FaultRule(FaultKind Kind)
{
    /// <summary>"METHOD /path/{template}" as in GitHub's OpenAPI description, e.g. <c>POST /repos/{owner}/{repo}/git/trees</c>; null: every request.</summary>
    public string? Operation { get; init; }

    public int FirstOccurrence { get; init; } = 1;

    public int Times { get; init; } = 1;

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The error message a 500 or 403 answer carries instead of GitHub's usual one (GitHub echoes request data in some).</summary>
    public string? Message { get; init; }

    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The request takes effect, then the answer is lost (500/502/reset): what makes re-sending a POST dangerous.</summary>
    public bool AfterProcessing { get; init; }

    public static FaultRule On(string operation, FaultKind kind, int times = 1) => new(kind) { Operation = operation, Times = times };

    public static FaultRule Always(string operation, FaultKind kind) => new(kind) { Operation = operation, Times = int.MaxValue };
}
