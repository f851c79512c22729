using CliWrap;

namespace Onboarding.Testing;

/// <summary>
/// A real git repository in a temp folder, on branch <c>main</c>, with its own author identity and no hooks or
/// signing from the machine's configuration, so tests see exactly what git does.
/// </summary>
public sealed class TempGitRepository : IDisposable
{
    private readonly TempDirectory _dir;

    public TempGitRepository(string prefix = "onboard-git")
    {
        _dir = new TempDirectory(prefix);
        Git("init", "--quiet", "--initial-branch=main");
        Git("config", "user.name", "Platform Tester");
        Git("config", "user.email", "tester@example.com");
        Git("config", "commit.gpgsign", "false");
    }

    public string Path => _dir.Path;

    public TempDirectory Directory => _dir;

    /// <summary>Git settings that keep the machine's own configuration out of a git process.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment { get; } = new Dictionary<string, string>
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    public string CurrentBranch => Git("symbolic-ref", "--short", "HEAD").Trim();

    public string Head => Git("rev-parse", "HEAD").Trim();

    public string Git(params string[] arguments)
    {
        var result = ChildProcess.Run(Cli.Wrap("git").WithArguments(arguments).WithWorkingDirectory(_dir.Path)
            .WithEnvironmentVariables(IsolatedEnvironment.ToDictionary(pair => pair.Key, string? (pair) => pair.Value)), TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.StandardError}");
        }

        return result.StandardOutput;
    }

    public string CommitAll(string message)
    {
        Git("add", "--all");
        Git("commit", "--quiet", "-m", message);
        return Head;
    }

    public bool BranchExists(string branch)
    {
        try
        {
            Git("rev-parse", "--verify", "--quiet", $"refs/heads/{branch}");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public int CommitCount(string revision) => int.Parse(Git("rev-list", "--count", revision).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The paths a commit changed compared with its parent.</summary>
    public IReadOnlyList<string> ChangedFiles(string commit) =>
        [.. Git("diff-tree", "--no-commit-id", "--name-only", "-r", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary>A file's bytes as committed, decoded as UTF-8.</summary>
    public string Show(string revision, string path) => Git("show", $"{revision}:{path}");

    /// <summary><c>git status --porcelain</c>: empty when the working tree and index are clean.</summary>
    public string Status() => Git("status", "--porcelain", "--untracked-files=all");

    public void Dispose() => _dir.Dispose();
}
