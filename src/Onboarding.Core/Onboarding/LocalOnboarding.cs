using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Processes;
using Onboarding.Core.Sources;
using Onboarding.Core.Validation;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Onboarding;

/// <summary>
/// Carries out a validated request in a local checkout with real git: the team file and the regenerated
/// artifacts as one commit on <c>onboarding/&lt;team&gt;</c>, then back to the branch the user was on. Re-running
/// converges: an existing branch is reused, and a branch that already holds the change gets no new commit.
/// </summary>
internal static class LocalOnboarding
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

        var inside = git.TryRun("rev-parse", "--is-inside-work-tree");
        if (!inside.Succeeded || inside.StandardOutput.Trim() != "true")
        {
            return LocalOnboardingResult.Refused(branch, $"{root} is not in a git working tree; run the command in a clone of the platform repository or pass --root");
        }

        if (!git.TryRun("rev-parse", "--verify", "--quiet", "HEAD^{commit}").Succeeded)
        {
            return LocalOnboardingResult.Refused(branch, "the repository has no commit yet; commit the platform files first, the onboarding branch starts from the current commit");
        }

        var paths = new[] { validation.TeamFilePath, config.Outputs.Dir };
        var dirty = ChangedPaths(git, PlatformLoader.TeamsDir, config.Outputs.Dir);
        if (dirty.Count > 0)
        {
            return LocalOnboardingResult.Refused(branch,
                $"the working tree has uncommitted changes in {PlatformLoader.TeamsDir}/ or {config.Outputs.Dir}/ ({string.Join(", ", dirty.Take(5))}{(dirty.Count > 5 ? ", …" : string.Empty)}); commit or stash them first, so the onboarding commit holds only this team");
        }

        var current = git.TryRun("symbolic-ref", "--quiet", "--short", "HEAD");
        var originalBranch = current.Succeeded ? current.StandardOutput.Trim() : null;
        var originalCommit = git.Run("rev-parse", "--verify", "HEAD^{commit}").Trim();
        var exists = git.TryRun("rev-parse", "--verify", "--quiet", $"refs/heads/{branch}").Succeeded;
        var switched = originalBranch != branch;
        if (switched)
        {
            git.Run(exists ? ["switch", "--quiet", branch] : ["switch", "--quiet", "--create", branch]);
        }

        LocalOnboardingResult result;
        try
        {
            result = await CommitAsync(git, root, validation, team, paths, freshBranch: !exists, cancellationToken).ConfigureAwait(false);
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

    private static async Task<LocalOnboardingResult> CommitAsync(
        GitRunner git, string root, TeamValidation validation, string team, string[] paths, bool freshBranch, CancellationToken cancellationToken)
    {
        var branch = OnboardingPlan.BranchFor(team);
        AtomicFile.Write(root, validation.TeamFilePath, validation.TeamFileBytes);

        // A branch just made from the clean checkout holds exactly the files the request was compiled against, so
        // that compilation is written as it is; an existing branch may hold other teams and is compiled as it is.
        var compile = freshBranch && validation.Compilation is { } compilation
            ? await compilation.ApplyAsync(CompileMode.Write, root, cancellationToken).ConfigureAwait(false)
            : await PlatformCompilation.RunAsync(root, CompileMode.Write, cancellationToken).ConfigureAwait(false);
        if (compile.HasErrors)
        {
            Discard(git, root, validation.TeamFilePath, paths[1]);
            return new LocalOnboardingResult(branch, false, null, null, compile,
                $"the team does not compile on branch {branch}; see the errors above, or delete the branch to start it again from the current commit");
        }

        git.Run(["add", "--all", "--", .. paths]);
        if (git.Run(["diff", "--cached", "--name-only", "-z", "--", .. paths]).Length == 0)
        {
            return new LocalOnboardingResult(branch, false, null, null, compile, null);
        }

        git.Run([.. git.FallbackIdentityOptions(), "commit", "--quiet", "--only", "-m", OnboardingPlan.TitleFor(team),
            "-m", $"Adds {validation.TeamFilePath} and the artifacts compiled from it.", "--", .. paths]);
        return new LocalOnboardingResult(branch, false, git.Run("rev-parse", "--verify", "HEAD^{commit}").Trim(), null, compile, null);
    }


    private static List<string> ChangedPaths(GitRunner git, params string[] paths)
    {
        var output = git.Run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", .. paths]);
        var changed = new List<string>();
        var entries = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length > 3)
            {
                changed.Add(entry[3..]);
            }

            // A rename or copy is followed by its source path as a separate entry.
            if (entry[0] is 'R' or 'C')
            {
                i++;
            }
        }

        return changed;
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
            File.Delete(SourcePaths.Resolve(root, teamFile));
        }

        git.TryRun("checkout", "--quiet", "HEAD", "--", outputDir);
        git.TryRun("clean", "--quiet", "--force", "--", outputDir);
    }
}
