namespace Onboarding.Git.Regeneration;

/// <summary>What compiling into the checkout and committing the result did.</summary>
public sealed record ArtifactCommitResult(CompileResult Compile, string? Commit, IReadOnlyList<string> Paths);

/// <summary>
/// Compiles in a git checkout and commits exactly the generated files that changed, nothing else: the
/// commit is named after the commit it was compiled from, so a reviewer sees what it regenerates.
/// </summary>
public static class ArtifactCommit
{
    public static string MessageFor(string compiledFrom) => $"Regenerate artifacts for {compiledFrom}";

    public static async Task<ArtifactCommitResult> RunAsync(GitRunner git, string root, string compiledFrom, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        var compile = await PlatformCompilation.RunAsync(root, CompileMode.Write, cancellationToken).ConfigureAwait(false);
        if (compile.HasErrors)
        {
            return new ArtifactCommitResult(compile, null, []);
        }

        var paths = compile.Changes.Where(c => c.Status != ArtifactStatus.Unchanged).Select(c => c.Path).Order(StringComparer.Ordinal).ToArray();
        if (paths.Length == 0)
        {
            return new ArtifactCommitResult(compile, null, []);
        }

        await git.RunAsync(["add", "--all", "--", .. paths], cancellationToken).ConfigureAwait(false);

        // Pathspecs make the commit hold these paths only, whatever else happens to be staged.
        var identity = await git.FallbackIdentityOptionsAsync(cancellationToken).ConfigureAwait(false);
        await git.RunAsync([.. identity, "commit", "--quiet", "--no-verify", "-m", MessageFor(compiledFrom),
            "-m", $"Compiled by '{command}' from teams/ and onboarding.yaml at {compiledFrom}. Only generated files change.",
            "--", .. paths], cancellationToken).ConfigureAwait(false);
        return new ArtifactCommitResult(compile, (await git.RunAsync(["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken).ConfigureAwait(false)).Trim(), paths);
    }
}
