using Onboarding.Testing;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// The platform repository as GitHub holds it, played by a local bare repository: <c>main</c> carries the
/// example platform with its compiled artifacts. Clones are what a maintainer or a workflow job checks out.
/// </summary>
internal sealed class PlatformOrigin : IDisposable
{
    private readonly List<TempGitRepository> _clones = [];
    private readonly TempDirectory _bare = new("onboard-origin");
    private readonly TempGitRepository _seed;

    public PlatformOrigin()
    {
        _seed = Clone(fetch: false);
        _seed.Git("init", "--quiet", "--bare", "--initial-branch=main", Url);
        RepositoryLayout.CopyExamplePlatform(_seed.Path);
        _seed.CommitAll("Platform with three teams");
        _seed.Git("push", "--quiet", "origin", "main");
    }

    /// <summary>The bare repository's folder: the clones' <c>origin</c>.</summary>
    public string Url => _bare.Path;

    /// <summary>Runs git in the bare repository.</summary>
    public string Git(params string[] arguments) => _seed.Git(["--git-dir", Url, .. arguments]);

    public int CommitCountBetween(string from, string to) =>
        int.Parse(Git("rev-list", "--count", $"{from}..{to}").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<string> ChangedFiles(string commit) =>
        [.. Git("diff-tree", "--no-commit-id", "--name-only", "-r", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Installs a server-side hook (pre-receive, update...) in the bare repository.</summary>
    public void InstallHook(string name, string script)
    {
        var path = System.IO.Path.Combine(Url, "hooks", name);
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public TempGitRepository Clone(bool fetch = true)
    {
        var clone = new TempGitRepository("onboard-clone");
        _clones.Add(clone);
        clone.Git("remote", "add", "origin", Url);
        if (fetch)
        {
            clone.Git("fetch", "--quiet", "origin");
            clone.Git("reset", "--quiet", "--hard", "origin/main");
            clone.Git("branch", "--quiet", "--set-upstream-to=origin/main", "main");
        }

        return clone;
    }

    public string Head(string branch = "main") => Git("rev-parse", $"refs/heads/{branch}").Trim();

    /// <summary>A team file with one bundle named like the team, as the onboarding flow writes it.</summary>
    public static void WriteTeam(TempGitRepository clone, string team) =>
        clone.Directory.Write($"teams/{team}.yaml", $"""
            schema_version: 1
            name: {team}
            description: {team} pipelines
            owners:
              github_team: {team}-eng
            bundles:
              - name: {team}
                repo: airflow-{team}

            """);

    /// <summary>A pull-request branch from main: the team file plus its compiled artifacts in one commit.</summary>
    public static string OpenOnboardingBranch(TempGitRepository clone, string team)
    {
        clone.Git("switch", "--quiet", "--create", $"onboarding/{team}", "main");
        WriteTeam(clone, team);
        var compile = CliRun.InProcess(clone.Path, "compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        return clone.CommitAll($"Onboard team {team}");
    }

    public void Dispose()
    {
        foreach (var clone in _clones)
        {
            clone.Dispose();
        }

        _bare.Dispose();
    }
}
