namespace Onboarding.Git.Regeneration;

/// <summary>
/// <c>onboard check --fix</c>: on a pull request from a branch of this repository, commits the regenerated
/// artifacts to the pull request's branch instead of only failing. Pull requests from forks are refused:
/// the job cannot push there, and a token that can write must never run alongside a fork's changes.
/// </summary>
public static class CheckFix
{
    public const string Command = "onboard check --fix";

    /// <param name="token">On an HTTPS origin: the token git pushes with (never written to the checkout).</param>
    public static async Task<RegenerateResult> RunAsync(string root, string? eventPath, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventPath) || !File.Exists(eventPath))
        {
            return Refused("--fix runs in the pull request check, on the event file GitHub Actions names in GITHUB_EVENT_PATH; " +
                "outside it, run 'onboard compile' and commit the generated/ folder yourself");
        }

        PullRequestEvent? pr;
        try
        {
            pr = await PullRequestEvent.ReadAsync(eventPath, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return Refused($"{eventPath} is not a GitHub event file ({e.Message})");
        }

        if (pr is null)
        {
            return Refused("--fix applies to pull_request events only; merge queue and push runs are checked, never changed");
        }

        if (pr.FromFork)
        {
            return Refused($"pull request #{pr.Number} comes from the fork {pr.HeadRepository}, not {pr.BaseRepository}: " +
                "the check never pushes to a fork. Its author runs 'onboard compile' and pushes the generated/ folder");
        }

        root = Path.GetFullPath(root);
        var git = new GitRunner(root, await GitPushAuth.EnvironmentAsync(root, token, cancellationToken).ConfigureAwait(false));
        var (problem, tree) = await WorkingTree.InspectAsync(git, root, Regenerator.Purpose, [], cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return Refused(problem);
        }

        if (!await Regenerator.IsBranchNameAsync(git, pr.HeadRef, cancellationToken).ConfigureAwait(false))
        {
            return Refused($"the event's head branch '{pr.HeadRef}' is not a valid branch name");
        }

        var head = tree.Commit!;
        if (!string.Equals(head, pr.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"the checkout is at {head}, not the pull request's head {pr.HeadSha}; check out the head commit " +
                "(actions/checkout with ref: the pull request's head SHA), not the merge preview");
        }

        var commit = await ArtifactCommit.RunAsync(git, root, head, Command, cancellationToken).ConfigureAwait(false);
        if (commit.Compile.HasErrors)
        {
            return new RegenerateResult(RegenerateStatus.Invalid, commit.Compile, null, head, 1, [], null);
        }

        if (commit.Commit is null)
        {
            return new RegenerateResult(RegenerateStatus.UpToDate, commit.Compile, null, head, 1, [], null);
        }

        var (outcome, detail) = await GitPush.FastForwardAsync(git, Regenerator.Remote, pr.HeadRef, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            PushOutcome.Pushed => new RegenerateResult(RegenerateStatus.Pushed, commit.Compile, commit.Commit, head, 1, commit.Paths, null),
            PushOutcome.Moved => new RegenerateResult(RegenerateStatus.GaveUp, commit.Compile, null, head, 1, [],
                $"{pr.HeadRef} moved while the check ran ({detail}); the check of the newer commit regenerates it"),
            _ => new RegenerateResult(RegenerateStatus.Rejected, commit.Compile, null, head, 1, [],
                $"{Regenerator.Remote} refused the push to {pr.HeadRef} ({detail}); run 'onboard compile' and push the generated/ folder"),
        };
    }

    private static RegenerateResult Refused(string message) => new(RegenerateStatus.Refused, null, null, null, 0, [], message);
}
