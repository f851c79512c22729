namespace Onboarding.GitHub.Regeneration;

/// <summary>
/// The one pull request that carries regenerated artifacts into a branch that takes no direct push:
/// found again by its head branch, created when missing, its description refreshed when the commit changed.
/// </summary>
public static class RegenerationPullRequest
{
    public const string Title = "Regenerate artifacts";

    public static async Task<(PullRequest PullRequest, bool Created)> EnsureAsync(
        GitHubClient client, string owner, string repo, string head, string @base, string compiledFrom, int files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Body(@base, compiledFrom, files);
        var existing = await client.FindOpenPullRequestAsync(owner, repo, owner, head, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return (await client.CreatePullRequestAsync(owner, repo, new CreatePullRequestRequest(Title, head, @base, body), cancellationToken).ConfigureAwait(false), true);
        }

        if (existing.Body != body)
        {
            existing = await client.UpdatePullRequestAsync(owner, repo, existing.Number, new UpdatePullRequestRequest(Body: body), cancellationToken).ConfigureAwait(false);
        }

        return (existing, false);
    }

    private static string Body(string @base, string compiledFrom, int files) => string.Create(CultureInfo.InvariantCulture, $"""
        The compiled artifacts on `{@base}` are not a fresh compile of its `teams/` and `onboarding.yaml`
        (two pull requests merged close together, or one compiled on an older base).

        This pull request holds one commit, `Regenerate artifacts for {compiledFrom}`, which changes {files} generated files and nothing else.
        Merge it as it is. `onboard regenerate --pr` rebuilds it from the newest `{@base}` on every run, so it never needs a manual update.
        """);
}
