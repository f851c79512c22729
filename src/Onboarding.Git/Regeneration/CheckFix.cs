using System.Text.Json;
using Onboarding.Git.Processes;

namespace Onboarding.Git.Regeneration;

/// <summary>
/// <c>onboard check --fix</c>: on a pull request from a branch of this repository, commits the regenerated
/// artifacts to the pull request's branch instead of only failing. Pull requests from forks are refused:
/// the job cannot push there, and a token that can write must never run alongside a fork's changes.
/// </summary>
internal static class CheckFix
{
    public const string Command = "onboard check --fix";

    /// <param name="token">On an HTTPS origin: the token git pushes with (never written to the checkout).</param>
    public static RegenerateResult Run(string root, string? eventPath, string? token = null)
    {
        if (string.IsNullOrEmpty(eventPath) || !File.Exists(eventPath))
        {
            return Refused("--fix runs in the pull request check, on the event file GitHub Actions names in GITHUB_EVENT_PATH; " +
                "outside it, run 'onboard compile' and commit the generated/ folder yourself");
        }

        PullRequestEvent? pr;
        try
        {
            pr = PullRequestEvent.Read(eventPath);
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
        var git = new GitRunner(root, GitPushAuth.Environment(root, token));
        if (WorkingTree.Refusal(git, root, Regenerator.Purpose, out var tree) is { } problem)
        {
            return Refused(problem);
        }

        if (!Regenerator.IsBranchName(git, pr.HeadRef))
        {
            return Refused($"the event's head branch '{pr.HeadRef}' is not a valid branch name");
        }

        var head = tree.Commit!;
        if (!string.Equals(head, pr.HeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"the checkout is at {head}, not the pull request's head {pr.HeadSha}; check out the head commit " +
                "(actions/checkout with ref: the pull request's head SHA), not the merge preview");
        }

        var commit = ArtifactCommit.Run(git, root, head, Command);
        if (commit.Compile.HasErrors)
        {
            return new RegenerateResult(RegenerateStatus.Invalid, commit.Compile, null, head, 1, [], null);
        }

        if (commit.Commit is null)
        {
            return new RegenerateResult(RegenerateStatus.UpToDate, commit.Compile, null, head, 1, [], null);
        }

        var (outcome, detail) = GitPush.FastForward(git, Regenerator.Remote, pr.HeadRef);
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
