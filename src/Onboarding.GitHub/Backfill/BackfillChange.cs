namespace Onboarding.GitHub.Backfill;

/// <summary>One thing the backfill changed (or, in a dry run, would change) or found and left alone.</summary>
/// <param name="Team">The team it belongs to; null for the platform's artifacts.</param>
/// <param name="Target">A repository (<c>owner/name</c>) or an artifact path.</param>
/// <param name="Detail">The template, the GitHub team, or why nothing was done.</param>
public sealed record BackfillChange(string? Team, BackfillChangeKind Kind, string Target, string? Detail = null)
{
    /// <summary>The line of a terraform-like plan: <c>+</c> create, <c>~</c> change, <c>!</c> needs a person.</summary>
    public string PlanLine => Kind switch
    {
        BackfillChangeKind.CreateRepository => $"+ create repo {Target} ({Detail})",
        BackfillChangeKind.GrantPush => $"~ grant push to team {Detail} on {Target}",
        BackfillChangeKind.RegenerateArtifact => $"~ regenerate {Target}",
        BackfillChangeKind.ClosePullRequest => $"- close pull request {Target} (the default branch already holds its artifacts)",
        BackfillChangeKind.ArchivedRepository => $"! {Target} is archived: left as it is",
        BackfillChangeKind.MissingTeam => $"! team {Target} does not exist: {Detail}",
        _ => $"! {Target} does not exist: {Detail}",
    };

    public bool IsProblem => Kind is BackfillChangeKind.MissingRepository or BackfillChangeKind.MissingTeam;
}
