using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Onboarding;
using Onboarding.Core.Scaffolding;
using Onboarding.Core.Validation;
using Onboarding.Git.Processes;

namespace Onboarding.Git.Local;

/// <summary>
/// Carries out a validated request in a local checkout with real git: the team file and the regenerated
/// artifacts as one commit on <c>onboarding/&lt;team&gt;</c>, then back to the branch the user was on. Re-running
/// converges: an existing branch is reused, and a branch that already holds the change gets no new commit.
/// </summary>
internal static class LocalOnboarding
{
    public static LocalOnboardingResult Run(string root, PlatformConfig config, TeamValidation validation, string team,
        IReadOnlyDictionary<string, string>? gitEnvironment = null)
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
        if (WorkingTree.Refusal(git, root, "the onboarding commit holds only this team", out var tree, PlatformLoader.TeamsDir, config.Outputs.Dir) is { } refusal)
        {
            return LocalOnboardingResult.Refused(branch, refusal);
        }

        var paths = new[] { validation.TeamFilePath, config.Outputs.Dir };
        var originalBranch = tree.Branch;
        var originalCommit = tree.Commit!;
        var exists = git.TryRun("rev-parse", "--verify", "--quiet", $"refs/heads/{branch}").Succeeded;
        var switched = originalBranch != branch;
        if (switched)
        {
            git.Run(exists ? ["switch", "--quiet", branch] : ["switch", "--quiet", "--create", branch]);
        }

        LocalOnboardingResult result;
        try
        {
            result = Commit(git, root, validation, team, paths);
        }
        catch
        {
            Discard(git, root, validation.TeamFilePath, config.Outputs.Dir);
            Restore(git, switched, originalBranch, originalCommit);
            if (!exists)
            {
                git.TryRun("branch", "--quiet", "--delete", "--force", "--", branch);
            }

            throw;
        }

        Restore(git, switched, originalBranch, originalCommit);

        // A new branch without a commit would only be noise: the checkout already holds this team.
        if (!exists && result.Commit is null)
        {
            git.Run("branch", "--quiet", "--delete", "--force", "--", branch);
        }

        return result with
        {
            BranchCreated = !exists && result.Commit is not null,
            OriginalBranch = originalBranch ?? originalCommit,
            AlreadyOnBase = !exists && result.Commit is null && result.Refusal is null,
        };
    }

    private static void Restore(GitRunner git, bool switched, string? originalBranch, string originalCommit)
    {
        if (switched)
        {
            git.Run(originalBranch is null ? ["switch", "--quiet", "--detach", originalCommit] : ["switch", "--quiet", originalBranch]);
        }
    }

    private static LocalOnboardingResult Commit(GitRunner git, string root, TeamValidation validation, string team, string[] paths)
    {
        var branch = OnboardingPlan.BranchFor(team);
        var teamFile = ArtifactWriter.SafePath(root, validation.TeamFilePath);
        var teamFileChanged = !File.Exists(teamFile) || !ArtifactWriter.SameContent(teamFile, validation.TeamFileBytes);
        AtomicFile.Write(teamFile, validation.TeamFileBytes);
        var compile = PlatformCompilation.Run(root, CompileMode.Write);
        if (compile.HasErrors)
        {
            Discard(git, root, validation.TeamFilePath, paths[1]);
            return new LocalOnboardingResult(branch, false, null, null, compile,
                $"the team does not compile on branch {branch}; see the errors above, or delete the branch to start it again from the current commit");
        }

        // The branch's files were clean before they were written, so what the writes changed is what a commit would hold.
        if (!teamFileChanged && !compile.Changed)
        {
            return new LocalOnboardingResult(branch, false, null, null, compile, null);
        }

        git.Run(["add", "--all", "--", .. paths]);
        git.Run([.. git.FallbackIdentityOptions(), "commit", "--quiet", "--only", "-m", OnboardingPlan.TitleFor(team),
            "-m", $"Adds {validation.TeamFilePath} and the artifacts compiled from it.", "--", .. paths]);
        return new LocalOnboardingResult(branch, false, git.Run("rev-parse", "--verify", "HEAD^{commit}").Trim(), null, compile, null);
    }


    /// <summary>Puts the team file and the artifacts back as the branch has them, so switching back carries nothing over.</summary>
    private static void Discard(GitRunner git, string root, string teamFile, string outputDir)
    {
        git.TryRun("reset", "--quiet", "--", teamFile, outputDir);
        if (git.TryRun("ls-files", "--error-unmatch", "--", teamFile).Succeeded)
        {
            git.TryRun("checkout", "--quiet", "HEAD", "--", teamFile);
        }
        else
        {
            File.Delete(ArtifactWriter.SafePath(root, teamFile));
        }

        git.TryRun("checkout", "--quiet", "HEAD", "--", outputDir);
        git.TryRun("clean", "--quiet", "--force", "--", outputDir);
    }
}
