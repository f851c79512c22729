using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard issue --local</c> as a process, with a git on PATH that logs every start before running the real
/// one: the onboarding commit costs a handful of git processes, not one per question.
/// </summary>
public sealed class IssueLocalGitSpecs : IDisposable
{
    private readonly TempGitRepository _repo = new("onboard-issue-git");
    private readonly TempDirectory _bin = new("onboard-git-wrapper");

    public IssueLocalGitSpecs()
    {
        RepositoryLayout.CopyExamplePlatform(_repo.Path);
        File.Delete(_repo.Directory.File("teams/payments.yaml"));
        Assert.Equal(0, CliRun.InProcess(_repo.Path, "compile").ExitCode);
        _repo.CommitAll("Example platform");
    }

    [Fact]
    public void A_new_team_is_committed_on_its_branch_with_at_most_eight_git_processes_and_a_rerun_with_fewer()
    {
        var first = Run();
        var rerun = Run();

        Assert.True(first.Outcome.ExitCode == 0, first.Outcome.ToString());
        Assert.Equal(1, _repo.CommitCount("onboarding/payments") - _repo.CommitCount("main"));
        Assert.InRange(first.Git.Count, 1, 8);
        Assert.Equal("status", first.Git[0].Split(' ')[0]);
        Assert.True(rerun.Outcome.ExitCode == 0, rerun.Outcome.ToString());
        Assert.Equal(1, _repo.CommitCount("onboarding/payments") - _repo.CommitCount("main"));
        Assert.InRange(rerun.Git.Count, 1, first.Git.Count);
        Assert.Equal("main", _repo.CurrentBranch);
        Assert.Empty(_repo.Status());
    }

    private (CliOutcome Outcome, IReadOnlyList<string> Git) Run()
    {
        var log = _bin.File("git.log");
        File.Delete(log);
        var realGit = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(dir => Path.Combine(dir, "git")).First(File.Exists);
        _bin.Write("git", $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{realGit}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_bin.File("git"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var variables = new Dictionary<string, string>(TempGitRepository.IsolatedEnvironment)
        {
            ["PATH"] = $"{_bin.Path}:{Environment.GetEnvironmentVariable("PATH")}",
        };

        var outcome = CliRun.Process(_repo.Path, variables, "issue", "--body", RepositoryLayout.PathOf("examples/issues/valid.md"), "--local");
        return (outcome, File.Exists(log) ? File.ReadAllLines(log) : []);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _bin.Dispose();
    }
}
