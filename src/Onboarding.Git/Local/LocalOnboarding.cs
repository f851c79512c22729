using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Onboarding;
using Onboarding.Core.Sources;
using Onboarding.Core.Validation;
using Onboarding.Core.Writing;

namespace Onboarding.Git.Local;

/// <summary>
/// Carries out a validated request in a local checkout with real git: the team file and the regenerated
/// artifacts as one commit on <c>onboarding/&lt;team&gt;</c>, then back to the branch the user was on. Re-running
/// converges: an existing branch is reused, and a branch that already holds the change gets no new commit.
/// </summary>
public static class LocalOnboarding
{
    public static async Task<LocalOnboardingResult> RunAsync(string root, PlatformConfig config, TeamValidation validation, string team,
        IReadOnlyDictionary<string, string>? gitEnvironment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(validation);

        // The name becomes a branch name in git arguments: only a name that passed the allow-list gets that far.
        if (!NameRules.TeamName().IsMatch(team))
        {
            throw new ArgumentException($"team name {Display.Quote(team)} was not checked before the local onboarding", nameof(team));
        }

        root = Path.GetFullPath(root);
        var git = new GitRunner(root, gitEnvironment);
        var branch = OnboardingPlan.BranchFor(team);
        var (refusal, tree) = await WorkingTree.InspectAsync(git, root, "the onboarding commit holds only this team",
            [PlatformLoader.TeamsDir, config.Outputs.Dir], cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return LocalOnboardingResult.Refused(branch, refusal);
        }

        var paths = new[] { validation.TeamFilePath, config.Outputs.Dir };
        var originalBranch = tree.Branch;
        var originalCommit = tree.Commit!;
        var switched = originalBranch != branch;
        var exists = !switched;
        if (switched)
        {
            // Creating is the usual case, so it is tried first: one git when the branch is new. git refuses to create
            // a branch that exists, and then the existing branch is checked out instead.
            exists = !(await git.TryRunAsync(["switch", "--quiet", "--create", branch], cancellationToken).ConfigureAwait(false)).Succeeded;
            if (exists)
            {
                await git.RunAsync(["switch", "--quiet", branch], cancellationToken).ConfigureAwait(false);
            }
        }

        LocalOnboardingResult result;
        try
        {
            result = await CommitAsync(git, root, validation, team, paths, freshBranch: !exists, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The checkout goes back as it was even when the run was cancelled: cleanup is never cut off half-way.
            await DiscardAsync(git, root, validation.TeamFilePath, config.Outputs.Dir, CancellationToken.None).ConfigureAwait(false);
            await RestoreAsync(git, switched, originalBranch, originalCommit, CancellationToken.None).ConfigureAwait(false);
            if (!exists)
            {
                await git.TryRunAsync(["branch", "--quiet", "--delete", "--force", "--", branch], CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        await RestoreAsync(git, switched, originalBranch, originalCommit, CancellationToken.None).ConfigureAwait(false);

        // A new branch without a commit would only be noise: the checkout already holds this team.
        if (!exists && result.Commit is null)
        {
            await git.RunAsync(["branch", "--quiet", "--delete", "--force", "--", branch], CancellationToken.None).ConfigureAwait(false);
        }

        return result with
        {
            BranchCreated = !exists && result.Commit is not null,
            OriginalBranch = originalBranch ?? originalCommit,
            AlreadyOnBase = !exists && result.Commit is null && result.Refusal is null,
        };
    }

    private static async Task RestoreAsync(GitRunner git, bool switched, string? originalBranch, string originalCommit, CancellationToken cancellationToken)
    {
        if (switched)
        {
            await git.RunAsync(originalBranch is null ? ["switch", "--quiet", "--detach", originalCommit] : ["switch", "--quiet", originalBranch], cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<LocalOnboardingResult> CommitAsync(
        GitRunner git, string root, TeamValidation validation, string team, string[] paths, bool freshBranch, CancellationToken cancellationToken)
    {
        var branch = OnboardingPlan.BranchFor(team);
        var checkout = new DiskSource(root);
        var teamFileChanged = !await checkout.HoldsAsync(validation.TeamFilePath, validation.TeamFileBytes, cancellationToken).ConfigureAwait(false);
        AtomicFile.Write(root, validation.TeamFilePath, validation.TeamFileBytes);

        // A branch just made from the clean checkout holds exactly the files the request was compiled against, so
        // that compilation is written as it is; an existing branch may hold other teams and is compiled as it is.
        var compile = freshBranch && validation.Compilation is { } compilation
            ? await compilation.ApplyAsync(CompileMode.Write, root, cancellationToken).ConfigureAwait(false)
            : await PlatformCompilation.RunAsync(root, CompileMode.Write, cancellationToken).ConfigureAwait(false);
        if (compile.HasErrors)
        {
            await DiscardAsync(git, root, validation.TeamFilePath, paths[1], cancellationToken).ConfigureAwait(false);
            return new LocalOnboardingResult(branch, false, null, null, compile,
                $"the team does not compile on branch {branch}; see the errors above, or delete the branch to start it again from the current commit");
        }

        // The branch's files were clean before they were written, so what the writes changed is what a commit would hold.
        if (!teamFileChanged && !compile.Changed)
        {
            return new LocalOnboardingResult(branch, false, null, null, compile, null);
        }

        await git.RunAsync(["add", "--all", "--", .. paths], cancellationToken).ConfigureAwait(false);
        var identity = await git.FallbackIdentityOptionsAsync(cancellationToken).ConfigureAwait(false);
        await git.RunAsync([.. identity, "commit", "--quiet", "--only", "-m", OnboardingPlan.TitleFor(team),
            "-m", $"Adds {validation.TeamFilePath} and the artifacts compiled from it.", "--", .. paths], cancellationToken).ConfigureAwait(false);
        var commit = (await git.RunAsync(["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken).ConfigureAwait(false)).Trim();
        return new LocalOnboardingResult(branch, false, commit, null, compile, null);
    }

    /// <summary>Puts the team file and the artifacts back as the branch has them, so switching back carries nothing over.</summary>
    private static async Task DiscardAsync(GitRunner git, string root, string teamFile, string outputDir, CancellationToken cancellationToken)
    {
        await git.TryRunAsync(["reset", "--quiet", "--", teamFile, outputDir], cancellationToken).ConfigureAwait(false);
        if ((await git.TryRunAsync(["ls-files", "--error-unmatch", "--", teamFile], cancellationToken).ConfigureAwait(false)).Succeeded)
        {
            await git.TryRunAsync(["checkout", "--quiet", "HEAD", "--", teamFile], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            File.Delete(SourcePaths.Resolve(root, teamFile));
        }

        await git.TryRunAsync(["checkout", "--quiet", "HEAD", "--", outputDir], cancellationToken).ConfigureAwait(false);
        await git.TryRunAsync(["clean", "--quiet", "--force", "--", outputDir], cancellationToken).ConfigureAwait(false);
    }
}
