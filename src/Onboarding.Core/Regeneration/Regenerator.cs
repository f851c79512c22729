using Onboarding.Core.Processes;

namespace Onboarding.Core.Regeneration;

/// <summary>
/// <c>onboard regenerate</c>: makes a branch's generated/ equal to a fresh compile in one commit. With
/// <see cref="RegenerateMode.Push"/> it compiles on the branch's current head on <c>origin</c> and pushes
/// without force; when someone else moved the branch meanwhile, it fetches, recompiles on the new head
/// and tries again, a bounded number of times. The checkout is left on the branch or commit it was on.
/// </summary>
internal static class Regenerator
{
    public const int DefaultAttempts = 3;
    public const string Remote = "origin";
    public const string Command = "onboard regenerate";

    /// <summary>The tool's own branch for regenerations of <paramref name="branch"/>; rebuilt from the branch on every run.</summary>
    public static string ProposalBranchFor(string branch) => $"onboarding-artifacts/{branch}";

    /// <param name="token">With a pushing mode on an HTTPS origin: the token git fetches and pushes with.</param>
    public static RegenerateResult Run(string root, RegenerateMode mode, string? branch, int attempts, string? token = null)
    {
        root = Path.GetFullPath(root);
        var git = new GitRunner(root, mode == RegenerateMode.Local ? null : GitPushAuth.Environment(root, token));
        if (CheckoutProblem(git, root) is { } problem)
        {
            return Refused(problem);
        }

        var current = git.TryRun("symbolic-ref", "--quiet", "--short", "HEAD");
        var originalBranch = current.Succeeded ? current.StandardOutput.Trim() : null;
        var originalCommit = git.Run("rev-parse", "--verify", "HEAD^{commit}").Trim();
        if (mode == RegenerateMode.Local)
        {
            var local = ArtifactCommit.Run(git, root, originalCommit, Command);
            return Done(local, originalCommit, 1, local.Commit is null ? RegenerateStatus.UpToDate : RegenerateStatus.Committed);
        }

        branch ??= originalBranch;
        if (branch is null || !IsBranchName(git, branch))
        {
            return Refused(branch is null
                ? "the checkout is on no branch; pass --branch with the branch to regenerate (e.g. --branch main)"
                : $"--branch '{branch}' is not a valid branch name");
        }

        string? pushed = null;
        try
        {
            var last = string.Empty;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                git.Run("fetch", "--quiet", "--no-tags", Remote, $"+refs/heads/{branch}:refs/remotes/{Remote}/{branch}");
                var head = git.Run("rev-parse", "--verify", $"refs/remotes/{Remote}/{branch}^{{commit}}").Trim();
                git.Run("switch", "--quiet", "--detach", head);
                var commit = ArtifactCommit.Run(git, root, head, Command);
                if (commit.Compile.HasErrors || commit.Commit is null)
                {
                    return Done(commit, head, attempt, RegenerateStatus.UpToDate);
                }

                if (mode == RegenerateMode.PullRequest)
                {
                    return Propose(git, commit, head, branch);
                }

                var (outcome, detail) = GitPush.FastForward(git, Remote, branch);
                switch (outcome)
                {
                    case PushOutcome.Pushed:
                        pushed = commit.Commit;
                        return Done(commit, head, attempt, RegenerateStatus.Pushed);
                    case PushOutcome.Refused:
                        return new RegenerateResult(RegenerateStatus.Rejected, commit.Compile, null, head, attempt, [],
                            $"{Remote} refused the push to {branch} ({detail}); when branch protection allows no direct push, regenerate through a pull request instead ('onboard regenerate --pr'; in regenerate.yml, set the variable ONBOARDING_REGENERATE_PR to true)");
                    default:
                        last = detail;
                        break;
                }
            }

            return new RegenerateResult(RegenerateStatus.GaveUp, null, null, null, attempts, [],
                $"{branch} on {Remote} moved during each of {attempts} attempts ({last}); the run for the latest push regenerates it, or run again");
        }
        finally
        {
            Restore(git, originalBranch, originalCommit, branch, pushed);
        }
    }

    /// <summary>
    /// Force-pushes the commit to the tool's own branch, which only ever holds one commit on top of the
    /// branch, unless that branch already holds the same files on the same base (a re-run then changes nothing).
    /// </summary>
    private static RegenerateResult Propose(GitRunner git, ArtifactCommitResult commit, string head, string branch)
    {
        var proposal = ProposalBranchFor(branch);
        var tracking = $"refs/remotes/{Remote}/{proposal}";
        var result = new RegenerateResult(RegenerateStatus.Pushed, commit.Compile, commit.Commit, head, 1, commit.Paths, null) { Branch = branch, ProposalBranch = proposal };
        if (git.TryRun("fetch", "--quiet", "--no-tags", Remote, $"+refs/heads/{proposal}:{tracking}").Succeeded
            && git.Run("rev-parse", $"{tracking}^{{tree}}").Trim() == git.Run("rev-parse", "HEAD^{tree}").Trim()
            && git.TryRun("rev-parse", "--verify", "--quiet", $"{tracking}~1").StandardOutput.Trim() == head)
        {
            return result with { Commit = git.Run("rev-parse", tracking).Trim(), AlreadyProposed = true };
        }

        var push = git.TryRun("push", "--porcelain", "--quiet", "--force", Remote, $"HEAD:refs/heads/{proposal}");
        return push.Succeeded
            ? result
            : new RegenerateResult(RegenerateStatus.Rejected, commit.Compile, null, head, 1, [],
                $"{Remote} refused the push to {proposal} ({push.StandardError.Trim()}); the token needs contents: write on the repository");
    }

    private static RegenerateResult Done(ArtifactCommitResult commit, string head, int attempt, RegenerateStatus changed) =>
        commit.Compile.HasErrors
            ? new RegenerateResult(RegenerateStatus.Invalid, commit.Compile, null, head, attempt, [], null)
            : new RegenerateResult(commit.Commit is null ? RegenerateStatus.UpToDate : changed, commit.Compile, commit.Commit, head, attempt, commit.Paths, null);

    private static RegenerateResult Refused(string message) =>
        new(RegenerateStatus.Refused, null, null, null, 0, [], message);

    /// <summary>Uncommitted work would be compiled into a commit that claims to come from HEAD alone.</summary>
    internal static string? CheckoutProblem(GitRunner git, string root)
    {
        var inside = git.TryRun("rev-parse", "--is-inside-work-tree");
        if (!inside.Succeeded || inside.StandardOutput.Trim() != "true")
        {
            return $"{root} is not in a git working tree; run the command in a clone of the platform repository or pass --root";
        }

        if (!git.TryRun("rev-parse", "--verify", "--quiet", "HEAD^{commit}").Succeeded)
        {
            return "the repository has no commit yet; commit the platform files first";
        }

        var dirty = git.Run("status", "--porcelain", "--untracked-files=all");
        if (dirty.Length > 0)
        {
            var paths = dirty.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Length > 3 ? l[3..] : l).ToArray();
            return $"the working tree has uncommitted changes ({string.Join(", ", paths.Take(5))}{(paths.Length > 5 ? ", …" : string.Empty)}); commit or stash them first, so the commit holds only regenerated artifacts";
        }

        return null;
    }

    internal static bool IsBranchName(GitRunner git, string branch) =>
        !branch.StartsWith('-') && git.TryRun("check-ref-format", "--branch", branch).Succeeded;

    /// <summary>Back where the user was; a local copy of the pushed branch follows the push when it can fast-forward.</summary>
    private static void Restore(GitRunner git, string? originalBranch, string originalCommit, string branch, string? pushed)
    {
        if (originalBranch is null)
        {
            git.Run("switch", "--quiet", "--detach", originalCommit);
            return;
        }

        git.Run("switch", "--quiet", originalBranch);
        if (originalBranch == branch && pushed is not null)
        {
            git.TryRun("merge", "--quiet", "--ff-only", pushed);
        }
    }
}
