namespace Onboarding.Git.Regeneration;

/// <summary>
/// <c>onboard regenerate</c>: makes a branch's generated/ equal to a fresh compile in one commit. With
/// <see cref="RegenerateMode.Push"/> it compiles on the branch's current head on <c>origin</c> and pushes
/// without force; when someone else moved the branch meanwhile, it fetches, recompiles on the new head
/// and tries again, a bounded number of times. The checkout is left on the branch or commit it was on.
/// </summary>
public static class Regenerator
{
    public const int DefaultAttempts = 3;
    public const string Remote = "origin";
    public const string Command = "onboard regenerate";

    /// <summary>The tool's own branch for regenerations of <paramref name="branch"/>; rebuilt from the branch on every run.</summary>
    public static string ProposalBranchFor(string branch) => $"onboarding-artifacts/{branch}";

    /// <param name="token">With a pushing mode on an HTTPS origin: the token git fetches and pushes with.</param>
    public static async Task<RegenerateResult> RunAsync(string root, RegenerateMode mode, string? branch, int attempts, string? token, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        var git = new GitRunner(root, mode == RegenerateMode.Local ? null : await GitPushAuth.EnvironmentAsync(root, token, cancellationToken).ConfigureAwait(false));
        var (problem, tree) = await WorkingTree.InspectAsync(git, root, Purpose, [], cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return Refused(problem);
        }

        var originalBranch = tree.Branch;
        var originalCommit = tree.Commit!;
        if (mode == RegenerateMode.Local)
        {
            var local = await ArtifactCommit.RunAsync(git, root, originalCommit, Command, cancellationToken).ConfigureAwait(false);
            return Done(local, originalCommit, 1, local.Commit is null ? RegenerateStatus.UpToDate : RegenerateStatus.Committed);
        }

        branch ??= originalBranch;
        if (branch is null || !await IsBranchNameAsync(git, branch, cancellationToken).ConfigureAwait(false))
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
                await git.RunAsync(["fetch", "--quiet", "--no-tags", Remote, $"+refs/heads/{branch}:refs/remotes/{Remote}/{branch}"], cancellationToken).ConfigureAwait(false);
                var head = (await git.RunAsync(["rev-parse", "--verify", $"refs/remotes/{Remote}/{branch}^{{commit}}"], cancellationToken).ConfigureAwait(false)).Trim();
                await git.RunAsync(["switch", "--quiet", "--detach", head], cancellationToken).ConfigureAwait(false);
                var commit = await ArtifactCommit.RunAsync(git, root, head, Command, cancellationToken).ConfigureAwait(false);
                if (commit.Compile.HasErrors || commit.Commit is null)
                {
                    return Done(commit, head, attempt, RegenerateStatus.UpToDate);
                }

                if (mode == RegenerateMode.PullRequest)
                {
                    return await ProposeAsync(git, commit, head, branch, cancellationToken).ConfigureAwait(false);
                }

                var (outcome, detail) = await GitPush.FastForwardAsync(git, Remote, branch, cancellationToken).ConfigureAwait(false);
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
            // Back where the user was even when the run was cancelled: a short local switch, never cut off half-way.
            await RestoreAsync(git, originalBranch, originalCommit, branch, pushed, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Force-pushes the commit to the tool's own branch, which only ever holds one commit on top of the
    /// branch, unless that branch already holds the same files on the same base (a re-run then changes nothing).
    /// </summary>
    private static async Task<RegenerateResult> ProposeAsync(GitRunner git, ArtifactCommitResult commit, string head, string branch, CancellationToken cancellationToken)
    {
        var proposal = ProposalBranchFor(branch);
        var tracking = $"refs/remotes/{Remote}/{proposal}";
        var result = new RegenerateResult(RegenerateStatus.Pushed, commit.Compile, commit.Commit, head, 1, commit.Paths, null) { Branch = branch, ProposalBranch = proposal };
        if ((await git.TryRunAsync(["fetch", "--quiet", "--no-tags", Remote, $"+refs/heads/{proposal}:{tracking}"], cancellationToken).ConfigureAwait(false)).Succeeded
            && (await git.RunAsync(["rev-parse", $"{tracking}^{{tree}}"], cancellationToken).ConfigureAwait(false)).Trim() == (await git.RunAsync(["rev-parse", "HEAD^{tree}"], cancellationToken).ConfigureAwait(false)).Trim()
            && (await git.TryRunAsync(["rev-parse", "--verify", "--quiet", $"{tracking}~1"], cancellationToken).ConfigureAwait(false)).StandardOutput.Trim() == head)
        {
            return result with { Commit = (await git.RunAsync(["rev-parse", tracking], cancellationToken).ConfigureAwait(false)).Trim(), AlreadyProposed = true };
        }

        var push = await git.TryRunAsync(["push", "--porcelain", "--quiet", "--force", Remote, $"HEAD:refs/heads/{proposal}"], cancellationToken).ConfigureAwait(false);
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
    internal const string Purpose = "the commit holds only regenerated artifacts";

    internal static async Task<bool> IsBranchNameAsync(GitRunner git, string branch, CancellationToken cancellationToken) =>
        !branch.StartsWith('-') && (await git.TryRunAsync(["check-ref-format", "--branch", branch], cancellationToken).ConfigureAwait(false)).Succeeded;

    /// <summary>Back where the user was; a local copy of the pushed branch follows the push when it can fast-forward.</summary>
    private static async Task RestoreAsync(GitRunner git, string? originalBranch, string originalCommit, string branch, string? pushed, CancellationToken cancellationToken)
    {
        if (originalBranch is null)
        {
            await git.RunAsync(["switch", "--quiet", "--detach", originalCommit], cancellationToken).ConfigureAwait(false);
            return;
        }

        await git.RunAsync(["switch", "--quiet", originalBranch], cancellationToken).ConfigureAwait(false);
        if (originalBranch == branch && pushed is not null)
        {
            await git.TryRunAsync(["merge", "--quiet", "--ff-only", pushed], cancellationToken).ConfigureAwait(false);
        }
    }
}
