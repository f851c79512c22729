namespace Onboarding.GitHub.Drift;

/// <summary>What one drift report found and did to the issue.</summary>
public sealed record DriftOutcome(bool Failed, string Message)
{
    public IReadOnlyList<DriftFinding> Findings { get; init; } = [];

    public DriftIssueAction IssueAction { get; init; }

    public int? IssueNumber { get; init; }

    public string? IssueUrl { get; init; }

    public int Teams { get; init; }

    /// <summary>Set when the platform files do not validate (then nothing was checked).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool Invalid => Diagnostics.Any(d => d.Severity == Severity.Error) || UnknownTeams.Count > 0;

    public IReadOnlyList<string> UnknownTeams { get; init; } = [];
}
