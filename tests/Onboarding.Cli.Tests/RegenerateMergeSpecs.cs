using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Two onboarding pull requests made from the same main, each green on its own, merged one after the other
/// the way GitHub does (<c>git merge --no-ff</c>) into a real repository with a bare origin. git merges the
/// compiled files as text; the check and <c>onboard regenerate</c> make sure main still ends up right.
/// </summary>
public sealed class RegenerateMergeSpecs : IDisposable
{
    private readonly PlatformOrigin _origin = new();

    [Fact]
    public void After_both_merges_one_regenerate_commit_makes_main_a_fresh_compile()
    {
        var maintainer = OpenBothPullRequests();
        maintainer.Git("switch", "--quiet", "main");
        Merge(maintainer, "onboarding/billing", 1);
        var conflicted = Merge(maintainer, "onboarding/ingest", 2);

        // Both pull requests change the same environments' artifacts, so git always stops on generated/.
        Assert.NotEmpty(conflicted);
        {
            // Only derived files collide: each team file is its own file.
            Assert.All(conflicted, path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
            var during = CliRun.InProcess(maintainer.Path, "check");
            Assert.Equal(1, during.ExitCode);
            Assert.Contains("error GEN004", during.Error, StringComparison.Ordinal);
            Assert.Contains("recompile", during.Error, StringComparison.Ordinal);

            // What the merge button cannot do, a hurried person does: keep main's side of every generated file.
            maintainer.Git("checkout", "--ours", "--", "generated");
            maintainer.Git("add", "--", "generated");
            maintainer.Git("commit", "--quiet", "--no-edit");
        }

        var merged = maintainer.Head;
        maintainer.Git("push", "--quiet", "origin", "main");
        var stale = CliRun.InProcess(maintainer.Path, "check");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("error GEN001", stale.Error, StringComparison.Ordinal);

        var job = _origin.Clone();
        var run = CliRun.InProcess(job.Path, "regenerate", "--push");

        Assert.True(run.ExitCode == 0, run.ToString());
        var main = _origin.Head();
        Assert.Equal(1, _origin.CommitCountBetween(merged, main));
        Assert.Equal($"Regenerate artifacts for {merged}", _origin.Git("log", "-1", "--format=%s", main).Trim());
        Assert.All(_origin.ChangedFiles(main), path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
        AssertFreshCompile(main, "billing", "ingest");
    }

    [Fact]
    public void Conflict_markers_committed_by_mistake_are_named_and_one_regenerate_commit_removes_them()
    {
        var maintainer = OpenBothPullRequests();
        maintainer.Git("switch", "--quiet", "main");
        Merge(maintainer, "onboarding/billing", 1);
        var conflicted = Merge(maintainer, "onboarding/ingest", 2);
        Assert.Contains("generated/manifest.json", conflicted);
        maintainer.Git("add", "--", "generated");
        maintainer.Git("commit", "--quiet", "--no-edit");
        var merged = maintainer.Head;
        maintainer.Git("push", "--quiet", "origin", "main");

        var check = CliRun.InProcess(maintainer.Path, "check");
        Assert.Equal(1, check.ExitCode);
        Assert.Matches(@"generated/manifest\.json:\d+:1: error GEN004: generated/manifest\.json holds git merge conflict markers", check.Error);
        Assert.Contains("recompile: run 'onboard compile'", check.Error, StringComparison.Ordinal);

        var run = CliRun.InProcess(_origin.Clone().Path, "regenerate", "--push");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, _origin.CommitCountBetween(merged, _origin.Head()));
        AssertFreshCompile(_origin.Head(), "billing", "ingest");
    }

    [Fact]
    public void The_merge_queue_check_passes_the_first_pull_request_and_catches_the_second()
    {
        var queue = OpenBothPullRequests();
        queue.Git("switch", "--quiet", "--create", "gh-readonly-queue/main/pr-1", "main");
        Merge(queue, "onboarding/billing", 1);
        Assert.Equal(0, CliRun.InProcess(queue.Path, "check").ExitCode);

        queue.Git("switch", "--quiet", "--create", "gh-readonly-queue/main/pr-2");
        Assert.NotEmpty(Merge(queue, "onboarding/ingest", 2));
        {
            var markers = CliRun.InProcess(queue.Path, "check");
            Assert.Equal(1, markers.ExitCode);
            Assert.Contains("error GEN004", markers.Error, StringComparison.Ordinal);

            // The tree a merge driver that keeps one side would hand the queue.
            queue.Git("checkout", "--ours", "--", "generated");
            queue.Git("add", "--", "generated");
            queue.Git("commit", "--quiet", "--no-edit");
        }

        var second = CliRun.InProcess(queue.Path, "check");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("teams/ingest.yaml:7:", second.Error, StringComparison.Ordinal);
        Assert.Contains("error GEN001: bundle 'ingest' is missing from generated/prod/dag_bundle_config.json", second.Error, StringComparison.Ordinal);
        Assert.Contains("recompile", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_added_at_different_places_merge_the_bundle_lists_cleanly_and_recompiling_finishes_the_merge()
    {
        var maintainer = OpenBothPullRequests("billing", "risk");
        maintainer.Git("switch", "--quiet", "main");
        Merge(maintainer, "onboarding/billing", 1);

        var conflicted = Merge(maintainer, "onboarding/risk", 2);

        // One block per bundle in sorted lists: only the one-line env files and Helm config string, the ConfigMaps'
        // hash annotations and the manifest's hashes collide, and those are rewritten by the compile anyway.
        Assert.Equal(
            ["generated/dev/airflow.env", "generated/dev/configmap.yaml", "generated/manifest.json", "generated/prod/airflow.env",
             "generated/prod/configmap.yaml", "generated/prod/helm-values.yaml", "generated/staging/airflow.env", "generated/staging/configmap.yaml"],
            conflicted.Order(StringComparer.Ordinal));
        var compile = CliRun.InProcess(maintainer.Path, "compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        maintainer.Git("add", "--", "generated");
        maintainer.Git("commit", "--quiet", "--no-edit");
        Assert.Equal(0, CliRun.InProcess(maintainer.Path, "check").ExitCode);
        Assert.Equal(2, maintainer.Git("rev-list", "--parents", "-1", "HEAD").Trim().Split(' ').Length - 1);
    }

    private TempGitRepository OpenBothPullRequests(string first = "billing", string second = "ingest")
    {
        var maintainer = _origin.Clone();
        foreach (var team in new[] { first, second })
        {
            PlatformOrigin.OpenOnboardingBranch(maintainer, team);
            var alone = CliRun.InProcess(maintainer.Path, "check");
            Assert.True(alone.ExitCode == 0, alone.ToString());
        }

        return maintainer;
    }

    /// <summary>Merges as GitHub's merge button does; the paths git could not merge, if any, with the merge left open.</summary>
    private static string[] Merge(TempGitRepository repo, string branch, int number)
    {
        try
        {
            repo.Git("merge", "--quiet", "--no-ff", "-m", $"Merge pull request #{number} from {branch}", branch);
            return [];
        }
        catch (InvalidOperationException)
        {
            return repo.Git("diff", "--name-only", "--diff-filter=U").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    private void AssertFreshCompile(string commit, params string[] teams)
    {
        var verify = _origin.Clone();
        Assert.Equal(commit, verify.Head);
        var compile = CliRun.InProcess(verify.Path, "compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        Assert.Equal(string.Empty, verify.Status());
        var prod = verify.Directory.Read("generated/prod/dag_bundle_config.json");
        Assert.All(teams, team => Assert.Contains($"\"name\": \"{team}\"", prod, StringComparison.Ordinal));
    }

    public void Dispose() => _origin.Dispose();
}
