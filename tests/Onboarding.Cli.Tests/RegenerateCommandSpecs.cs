using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard regenerate [--push]</c> with real git and a bare origin: one commit of generated files only,
/// pushed without force, retried on a branch that moved, never forced past a server that refuses it.
/// </summary>
public sealed class RegenerateCommandSpecs : IDisposable
{
    private readonly PlatformOrigin _origin = new();

    [Fact]
    public void Main_that_is_already_a_fresh_compile_gets_no_commit()
    {
        var before = _origin.Head();

        var run = CliRun.InProcess(_origin.Clone().Path, "regenerate", "--push");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"generated/ is already a fresh compile of {before}; nothing to commit", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, _origin.Head());
    }

    [Fact]
    public void A_team_file_pushed_without_artifacts_gets_one_commit_of_generated_files_on_top()
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, "billing");
        var pushed = maintainer.CommitAll("Add billing without compiling");
        maintainer.Git("push", "--quiet", "origin", "main");

        var job = _origin.Clone();
        var run = CliRun.InProcess(job.Path, "regenerate", "--push");

        Assert.True(run.ExitCode == 0, run.ToString());
        var head = _origin.Head();
        Assert.Equal(pushed, _origin.Git("rev-parse", $"{head}~1").Trim());
        Assert.Equal($"Regenerate artifacts for {pushed}", _origin.Git("log", "-1", "--format=%s", head).Trim());
        Assert.Contains("generated/prod/dag_bundle_config.json", _origin.ChangedFiles(head));
        Assert.All(_origin.ChangedFiles(head), path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
        Assert.Equal("main", job.CurrentBranch);
        Assert.Equal(head, job.Head);
    }

    [Fact]
    public void A_branch_that_moves_during_the_run_is_fetched_recompiled_and_pushed_again()
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, "billing");
        maintainer.CommitAll("Add billing without compiling");
        maintainer.Git("push", "--quiet", "origin", "main");

        // Someone merges another team right after the job fetched: the first push can only be refused.
        var other = _origin.Clone();
        PlatformOrigin.WriteTeam(other, "ingest");
        var racing = other.CommitAll("Add ingest without compiling");
        var job = _origin.Clone();
        InstallCheckoutHook(job, $"git -C '{other.Path}' push --quiet origin main");

        var run = CliRun.InProcess(job.Path, "regenerate", "--push");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("pushed after 2 attempts", run.Out, StringComparison.Ordinal);
        var head = _origin.Head();
        Assert.Equal(racing, _origin.Git("rev-parse", $"{head}~1").Trim());
        Assert.Equal($"Regenerate artifacts for {racing}", _origin.Git("log", "-1", "--format=%s", head).Trim());
        var prod = _origin.Git("show", $"{head}:generated/prod/dag_bundle_config.json");
        Assert.Contains("\"name\": \"billing\"", prod, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"ingest\"", prod, StringComparison.Ordinal);
    }

    [Fact]
    public void A_branch_that_keeps_moving_is_given_up_after_the_attempts_without_a_forced_push()
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, "billing");
        maintainer.CommitAll("Add billing without compiling");
        maintainer.Git("push", "--quiet", "origin", "main");
        var other = _origin.Clone();
        var job = _origin.Clone();
        InstallCheckoutHook(job, $"git -C '{other.Path}' commit --quiet --allow-empty -m busy && git -C '{other.Path}' push --quiet origin HEAD:main", everyTime: true);

        var run = CliRun.InProcess(job.Path, "regenerate", "--push", "--attempts", "2");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("moved during each of 2 attempts", run.Error, StringComparison.Ordinal);
        Assert.Equal("busy", _origin.Git("log", "-1", "--format=%s", "main").Trim());
    }

    [Fact]
    public void A_branch_the_server_protects_is_left_alone_with_a_message()
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, "billing");
        var pushed = maintainer.CommitAll("Add billing without compiling");
        maintainer.Git("push", "--quiet", "origin", "main");
        _origin.InstallHook("pre-receive", "#!/bin/sh\necho 'GH006: Protected branch update failed for refs/heads/main.' >&2\nexit 1\n");

        var run = CliRun.InProcess(_origin.Clone().Path, "regenerate", "--push");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("origin refused the push to main", run.Error, StringComparison.Ordinal);
        Assert.Contains("regenerate through a pull request", run.Error, StringComparison.Ordinal);
        Assert.Equal(pushed, _origin.Head());
    }

    [Fact]
    public void Without_push_it_commits_on_the_checked_out_branch_and_pushes_nothing()
    {
        var maintainer = _origin.Clone();
        maintainer.Git("switch", "--quiet", "--create", "onboarding/billing");
        PlatformOrigin.WriteTeam(maintainer, "billing");
        var team = maintainer.CommitAll("Add billing");

        var run = CliRun.InProcess(maintainer.Path, "regenerate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(team, maintainer.Git("rev-parse", "HEAD~1").Trim());
        Assert.All(maintainer.ChangedFiles("HEAD"), path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
        Assert.Equal(0, CliRun.InProcess(maintainer.Path, "check").ExitCode);
        Assert.False(_origin.Git("branch", "--list", "onboarding/billing").Length > 0);
    }

    [Fact]
    public void Uncommitted_changes_are_refused_and_nothing_is_committed()
    {
        var maintainer = _origin.Clone();
        PlatformOrigin.WriteTeam(maintainer, "billing");
        var before = maintainer.Head;

        var run = CliRun.InProcess(maintainer.Path, "regenerate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("uncommitted changes (teams/billing.yaml)", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, maintainer.Head);
        Assert.Equal("?? teams/billing.yaml\n", maintainer.Status());
    }

    /// <summary>A post-checkout hook in the job's clone: runs right after the command moves to the fetched head.</summary>
    private static void InstallCheckoutHook(TempGitRepository job, string command, bool everyTime = false)
    {
        var hook = Path.Combine(job.Path, ".git", "hooks", "post-checkout");
        var once = everyTime ? string.Empty : "[ -e \"$0.done\" ] && exit 0\ntouch \"$0.done\"\n";
        File.WriteAllText(hook, $"#!/bin/sh\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE\n{once}{command}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => _origin.Dispose();
}
