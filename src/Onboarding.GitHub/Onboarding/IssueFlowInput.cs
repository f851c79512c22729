namespace Onboarding.GitHub.Onboarding;

/// <param name="Root">The checkout of the platform repository at its default branch.</param>
/// <param name="Form">The onboarding issue form the body is read with.</param>
/// <param name="Event">The <c>issues</c> event that started the run.</param>
/// <param name="PlatformOwner">Owner of the platform repository (<c>GITHUB_REPOSITORY</c>).</param>
/// <param name="PlatformRepo">Name of the platform repository.</param>
/// <param name="DryRun">Read, but send no mutating request.</param>
public sealed record IssueFlowInput(string Root, IssueFormTemplate Form, IssuesEvent Event, string PlatformOwner, string PlatformRepo, bool DryRun)
{
    /// <summary>The GitHub web address (<c>GITHUB_SERVER_URL</c>, no trailing '/') links in comments and pull requests point at; null: the first of policy.repo_hosts.</summary>
    public string? ServerUrl { get; init; }
}
