namespace Onboarding.GitHub.Backfill;

/// <summary>What one backfill run found and did; <see cref="Message"/> is one line for the log.</summary>
public sealed record BackfillOutcome(BackfillStatus Status, string Message)
{
    /// <summary>How many teams were selected.</summary>
    public int Teams { get; init; }

    /// <summary>Teams finished before a failure (all of them otherwise).</summary>
    public int TeamsDone { get; init; }

    public IReadOnlyList<BackfillChange> Changes { get; init; } = [];

    public string? Branch { get; init; }

    public string? PullRequestUrl { get; init; }

    public int? PullRequestNumber { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Every call in order, <c>METHOD /path</c>; in a dry run the mutating ones were not sent.</summary>
    public IReadOnlyList<string> Calls { get; init; } = [];

    public int RepositoriesToCreate => Changes.Count(change => change.Kind == BackfillChangeKind.CreateRepository);

    public int PermissionsToGrant => Changes.Count(change => change.Kind == BackfillChangeKind.GrantPush);

    public int ArtifactCommits => Changes.Any(change => change.Kind == BackfillChangeKind.RegenerateArtifact) ? 1 : 0;

    public int PullRequestsToClose => Changes.Count(change => change.Kind == BackfillChangeKind.ClosePullRequest);

    /// <summary>True when anything on GitHub was changed (or, in a dry run, would be).</summary>
    public bool Changed => RepositoriesToCreate + PermissionsToGrant + ArtifactCommits + PullRequestsToClose > 0;
}
