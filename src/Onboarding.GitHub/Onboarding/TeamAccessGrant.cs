namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// Gives a team at least push on a repository of its organization: reads the current access first and sends
/// the PUT only when the team has none or less than push, so a stronger role (maintain, admin) is never lowered.
/// </summary>
public sealed class TeamAccessGrant(GitHubClient client, CallJournal journal)
{
    /// <param name="created">The repository was created in this run: it can have no team access yet, and asking would cost a request.</param>
    /// <returns>True when the PUT was sent (or, in a dry run, would be).</returns>
    public async Task<bool> EnsurePushAsync(string org, string teamSlug, string owner, string repo, bool created, CancellationToken cancellationToken)
    {
        if (!created)
        {
            journal.Read("/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", org, teamSlug, owner, repo);
            var current = await client.GetTeamRepositoryAccessAsync(org, teamSlug, owner, repo, cancellationToken);
            if (current?.Permissions is { Push: true })
            {
                return false;
            }

            // A created repository had its team checked before it was made; here the grant would fail with 404.
            await new OwnersTeamCheck(client, journal).EnsureExistsAsync(org, teamSlug, cancellationToken);
        }

        if (journal.Write("PUT", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", org, teamSlug, owner, repo))
        {
            await client.SetTeamRepositoryPermissionAsync(org, teamSlug, owner, repo, Core.Onboarding.OnboardingPlan.WritePermission, cancellationToken);
        }

        return true;
    }
}
