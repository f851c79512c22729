namespace Onboarding.Git.Regeneration;

/// <summary>One <c>git push</c> without force: the server accepts it only as a fast-forward.</summary>
public static class GitPush
{
    public static async Task<(PushOutcome Outcome, string Detail)> FastForwardAsync(GitRunner git, string remote, string branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        var result = await git.TryRunAsync(["push", "--porcelain", "--quiet", remote, $"HEAD:refs/heads/{branch}"], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return (PushOutcome.Pushed, string.Empty);
        }

        // Porcelain status lines: "!<TAB>from:to<TAB>[rejected] (fetch first)" when the branch moved before
        // the push started, "[remote rejected] (cannot lock ref ...)" when it moved during the push, any other
        // "[remote rejected] (...)" when a hook or protection rule refused it.
        var text = result.StandardOutput + "\n" + result.StandardError;
        var detail = string.Join(" ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("To ", StringComparison.Ordinal) && l != "Done"));
        if ((text.Contains("[rejected]", StringComparison.Ordinal)
                && (text.Contains("fetch first", StringComparison.Ordinal) || text.Contains("non-fast-forward", StringComparison.Ordinal)))
            || text.Contains("cannot lock ref", StringComparison.Ordinal))
        {
            return (PushOutcome.Moved, detail);
        }

        if (text.Contains("[remote rejected]", StringComparison.Ordinal))
        {
            return (PushOutcome.Refused, detail);
        }

        throw new GitCommandException(["push", remote, $"HEAD:refs/heads/{branch}"], result.ExitCode, result.StandardError);
    }
}
