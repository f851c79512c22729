namespace Onboarding.GitHub.Backfill;

/// <param name="Root">The checkout of the platform repository.</param>
/// <param name="PlatformOwner">Owner of the platform repository (<c>GITHUB_REPOSITORY</c>).</param>
/// <param name="PlatformRepo">Name of the platform repository.</param>
/// <param name="Teams">The teams to converge; empty: every team.</param>
/// <param name="DryRun">Read, but send no mutating request.</param>
/// <param name="RunId">Names the branch <c>backfill/&lt;run&gt;</c>; already checked to be a safe ref component.</param>
/// <param name="Progress">Receives one line per team as it is done, for a long run's log.</param>
public sealed record BackfillInput(
    string Root,
    string PlatformOwner,
    string PlatformRepo,
    IReadOnlyList<string> Teams,
    bool DryRun,
    string RunId,
    Action<string> Progress)
{
    /// <summary>The GitHub web address (<c>GITHUB_SERVER_URL</c>, no trailing '/') links point at; null: the first of policy.repo_hosts.</summary>
    public string? ServerUrl { get; init; }
}
