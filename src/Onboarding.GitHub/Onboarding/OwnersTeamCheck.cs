namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// Whether the owners' team exists in the organization, asked only when something is about to be created or
/// granted for it: a repository made for a team that does not exist could never be handed to it, and every retry
/// would fail the same way. A converged re-run asks nothing.
/// </summary>
public sealed class OwnersTeamCheck(GitHubClient client, CallJournal journal)
{
    /// <exception cref="MissingOwnersTeamException">The team does not exist in <paramref name="org"/>.</exception>
    public async Task EnsureExistsAsync(string org, string teamSlug, CancellationToken cancellationToken)
    {
        journal.Read("/orgs/{org}/teams/{team_slug}", org, teamSlug);
        if (await client.GetTeamAsync(org, teamSlug, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new MissingOwnersTeamException(org, teamSlug);
        }
    }
}
