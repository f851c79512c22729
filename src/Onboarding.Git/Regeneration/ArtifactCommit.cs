using Onboarding.Core.Compilation;
using Onboarding.Git.Processes;

namespace Onboarding.Git.Regeneration;

/// <summary>What compiling into the checkout and committing the result did.</summary>
internal sealed record ArtifactCommitResult(CompileResult Compile, string? Commit, IReadOnlyList<string> Paths);

/// <summary>
/// Compiles in a git checkout and commits exactly the generated files that changed, nothing else: the
/// commit is named after the commit it was compiled from, so a reviewer sees what it regenerates.
/// </summary>
internal static class ArtifactCommit
{
    public static string MessageFor(string compiledFrom) => $"Regenerate artifacts for {compiledFrom}";

    public static ArtifactCommitResult Run(GitRunner git, string root, string compiledFrom, string command)
    {
        var compile = PlatformCompilation.Run(root, CompileMode.Write);
        if (compile.HasErrors)
        {
            return new ArtifactCommitResult(compile, null, []);
        }

        var paths = compile.Changes.Where(c => c.Status != ArtifactStatus.Unchanged).Select(c => c.Path).Order(StringComparer.Ordinal).ToArray();
        if (paths.Length == 0)
        {
            return new ArtifactCommitResult(compile, null, []);
        }

        git.Run(["add", "--all", "--", .. paths]);

        // Pathspecs make the commit hold these paths only, whatever else happens to be staged.
        git.Run([.. git.FallbackIdentityOptions(), "commit", "--quiet", "--no-verify", "-m", MessageFor(compiledFrom),
            "-m", $"Compiled by '{command}' from teams/ and onboarding.yaml at {compiledFrom}. Only generated files change.",
            "--", .. paths]);
        return new ArtifactCommitResult(compile, git.Run("rev-parse", "--verify", "HEAD^{commit}").Trim(), paths);
    }

}
