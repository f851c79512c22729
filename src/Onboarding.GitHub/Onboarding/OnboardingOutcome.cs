namespace Onboarding.GitHub.Onboarding;

/// <summary>What one run of the issue flow found and did; <see cref="Message"/> is one line for the log.</summary>
public sealed record OnboardingOutcome(OnboardingStatus Status, string Message)
{
    public string? Team { get; init; }

    public string? RepositoryUrl { get; init; }

    public string? PullRequestUrl { get; init; }

    public int? PullRequestNumber { get; init; }

    /// <summary>Every call in order, <c>METHOD /path</c>; in a dry run the mutating ones were not sent.</summary>
    public IReadOnlyList<string> Calls { get; init; } = [];

    /// <summary>The files of the onboarding commit, whether committed now, earlier, or (dry run) not at all.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>One line per step, what it found or changed.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    public IReadOnlyList<IssueFormProblem> Problems { get; init; } = [];

    public IReadOnlyList<Diagnostic> PlatformDiagnostics { get; init; } = [];

    /// <summary>The step that failed, e.g. "creating the team repository".</summary>
    public string? FailedStep { get; init; }
}
