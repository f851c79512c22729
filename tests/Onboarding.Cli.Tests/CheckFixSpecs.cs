using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard check --fix</c>, the opt-in autofix of the pull request check: on a pull request from a branch
/// of the same repository it pushes one commit holding only the regenerated artifacts; a fork's pull request
/// is refused with a message, and nothing is committed or pushed.
/// </summary>
public sealed class CheckFixSpecs : IDisposable
{
    private const string Platform = "acme-data/platform";

    private readonly PlatformOrigin _origin = new();
    private readonly TempDirectory _runner = new("onboard-runner");

    [Fact]
    public void A_same_repository_pull_request_gets_one_commit_with_only_the_artifacts()
    {
        var (job, head) = PullRequestWithoutArtifacts();

        var run = Fix(job, Event(head, Platform));

        Assert.True(run.ExitCode == 0, run.ToString());
        var branch = _origin.Head("onboarding/billing");
        Assert.Equal(head, _origin.Git("rev-parse", $"{branch}~1").Trim());
        Assert.Equal($"Regenerate artifacts for {head}", _origin.Git("log", "-1", "--format=%s", branch).Trim());
        var files = _origin.ChangedFiles(branch);
        Assert.Contains("generated/prod/dag_bundle_config.json", files);
        Assert.Contains("generated/README.md", files);
        Assert.All(files, path => Assert.StartsWith("generated/", path, StringComparison.Ordinal));
        Assert.Contains("changed=true", File.ReadAllText(_runner.File("output")), StringComparison.Ordinal);

        var after = _origin.Clone();
        after.Git("switch", "--quiet", "onboarding/billing");
        Assert.Equal(0, CliRun.InProcess(after.Path, "check").ExitCode);
    }

    [Fact]
    public void A_pull_request_from_a_fork_is_refused_and_nothing_is_committed_or_pushed()
    {
        var (job, head) = PullRequestWithoutArtifacts();

        var run = Fix(job, Event(head, "mallory/platform"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pull request #7 comes from the fork mallory/platform, not acme-data/platform: the check never pushes to a fork", run.Error, StringComparison.Ordinal);
        Assert.Equal(head, job.Head);
        Assert.Equal(head, _origin.Head("onboarding/billing"));
        Assert.Equal(string.Empty, job.Status());
    }

    [Fact]
    public void A_pull_request_whose_fork_was_deleted_is_refused()
    {
        var (job, head) = PullRequestWithoutArtifacts();

        var run = Fix(job, Event(head, null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("comes from the fork (deleted fork)", run.Error, StringComparison.Ordinal);
        Assert.Equal(head, _origin.Head("onboarding/billing"));
    }

    [Fact]
    public void Outside_a_pull_request_event_fix_is_refused_with_what_to_do_instead()
    {
        var (job, head) = PullRequestWithoutArtifacts();

        var noEvent = CliRun.InProcess(job.Path, "check", "--fix");
        var mergeGroup = Fix(job, """{"merge_group": {"head_sha": "abc"}}""");

        Assert.Equal(1, noEvent.ExitCode);
        Assert.Contains("run 'onboard compile' and commit the generated/ folder yourself", noEvent.Error, StringComparison.Ordinal);
        Assert.Equal(1, mergeGroup.ExitCode);
        Assert.Contains("--fix applies to pull_request events only", mergeGroup.Error, StringComparison.Ordinal);
        Assert.Equal(head, _origin.Head("onboarding/billing"));
    }

    [Fact]
    public void A_checkout_of_the_merge_preview_instead_of_the_head_is_refused()
    {
        var (job, head) = PullRequestWithoutArtifacts();
        job.Git("switch", "--quiet", "--detach", "main");

        var run = Fix(job, Event(head, Platform));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"not the pull request's head {head}", run.Error, StringComparison.Ordinal);
        Assert.Equal(head, _origin.Head("onboarding/billing"));
    }

    [Fact]
    public void A_pull_request_whose_artifacts_are_fresh_gets_no_commit()
    {
        var maintainer = _origin.Clone();
        var head = PlatformOrigin.OpenOnboardingBranch(maintainer, "billing");
        maintainer.Git("push", "--quiet", "origin", "onboarding/billing");

        var run = Fix(maintainer, Event(head, Platform));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("nothing to commit", run.Out, StringComparison.Ordinal);
        Assert.Equal(head, _origin.Head("onboarding/billing"));
    }

    /// <summary>A pushed pull-request branch whose author added a team file but did not compile; checked out at its head, as the fix job does.</summary>
    private (TempGitRepository Job, string Head) PullRequestWithoutArtifacts()
    {
        var author = _origin.Clone();
        author.Git("switch", "--quiet", "--create", "onboarding/billing");
        PlatformOrigin.WriteTeam(author, "billing");
        var head = author.CommitAll("Onboard team billing");
        author.Git("push", "--quiet", "origin", "onboarding/billing");
        var job = _origin.Clone();
        job.Git("fetch", "--quiet", "origin", "onboarding/billing");
        job.Git("switch", "--quiet", "--detach", head);
        Assert.Equal(1, CliRun.InProcess(job.Path, "check").ExitCode);
        return (job, head);
    }

    private CliOutcome Fix(TempGitRepository job, string eventJson)
    {
        var path = _runner.Write("event.json", eventJson);
        return CliRun.InProcess(job.Path, new Dictionary<string, string>
        {
            ["GITHUB_EVENT_PATH"] = path,
            ["GITHUB_OUTPUT"] = _runner.File("output"),
        }, "check", "--fix");
    }

    private static string Event(string headSha, string? headRepository) => JsonSerializer.Serialize(new
    {
        action = "synchronize",
        pull_request = new
        {
            number = 7,
            head = new { @ref = "onboarding/billing", sha = headSha, repo = headRepository is null ? null : new { full_name = headRepository } },
            @base = new { @ref = "main", repo = new { full_name = Platform } },
        },
    });

    public void Dispose()
    {
        _origin.Dispose();
        _runner.Dispose();
    }
}
