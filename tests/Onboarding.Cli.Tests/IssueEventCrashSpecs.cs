using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing.FakeGitHub;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary>
/// A run that dies at any mutating step (the request took effect but the answer was lost, or GitHub kept
/// failing) exits 3 and says so on the issue; the next run converges to the state of a clean run, with one
/// repository, one commit on the branch, one pull request and one comment.
/// </summary>
public sealed class IssueEventCrashSpecs(ITestOutputHelper output)
{
    private const string Repo = "airflow-ingest";

    public static TheoryData<bool, string, int, FaultKind, bool> Crashes => new()
    {
        { false, "POST /repos/{template_owner}/{template_repo}/generate", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{template_owner}/{template_repo}/generate", 1, FaultKind.InternalServerError, false },
        { false, "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", 1, FaultKind.InternalServerError, false },
        { false, "POST /repos/{owner}/{repo}/git/trees", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{owner}/{repo}/git/commits", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{owner}/{repo}/git/refs", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{owner}/{repo}/git/refs", 1, FaultKind.InternalServerError, false },
        { false, "POST /repos/{owner}/{repo}/pulls", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{owner}/{repo}/pulls", 1, FaultKind.BadGateway, false },
        { false, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", 1, FaultKind.ConnectionReset, true },
        { false, "POST /repos/{owner}/{repo}/issues/{issue_number}/labels", 1, FaultKind.ConnectionReset, true },
        { true, "POST /orgs/{org}/repos", 1, FaultKind.ConnectionReset, true },
        { true, "POST /orgs/{org}/repos", 1, FaultKind.InternalServerError, false },
        { true, "POST /repos/{owner}/{repo}/git/trees", 1, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/git/commits", 1, FaultKind.ConnectionReset, true },
        { true, "PATCH /repos/{owner}/{repo}/git/refs/{ref}", 1, FaultKind.InternalServerError, false },
        { true, "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", 1, FaultKind.InternalServerError, false },
        { true, "POST /repos/{owner}/{repo}/git/trees", 2, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/git/commits", 2, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/git/refs", 1, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/pulls", 1, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", 1, FaultKind.ConnectionReset, true },
        { true, "POST /repos/{owner}/{repo}/issues/{issue_number}/labels", 1, FaultKind.InternalServerError, false },
    };

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_at_any_mutating_step_then_a_rerun_converges_without_duplicates(bool seeded, string operation, int occurrence, FaultKind kind, bool afterProcessing)
    {
        await using var world = await OnboardingWorld.CreateAsync(seeded);
        var issue = world.AddIssue("ingest", "ingest-eng", Repo);
        var main = world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, "main")!;
        var eventPath = world.WriteEvent(issue);

        // Idempotent calls are retried by the client: only a fault that outlasts every try ends the run.
        var idempotent = !operation.StartsWith("POST ", StringComparison.Ordinal);
        world.Server.InjectFault(new FaultRule(kind) { Operation = operation, FirstOccurrence = occurrence, Times = idempotent ? 5 : 1, AfterProcessing = afterProcessing });
        var crashed = world.Run(eventPath);

        output.WriteLine(crashed.Out + crashed.Error);
        Assert.Equal(3, crashed.ExitCode);
        Assert.Contains("failed while", crashed.Error, StringComparison.Ordinal);
        var failure = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains("Onboarding failed while", failure.Body, StringComparison.Ordinal);
        Assert.Contains("applies it again", failure.Body, StringComparison.Ordinal);
        Assert.Contains("onboarding-failed", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);

        world.Server.Faults.Clear();
        var rerun = world.Run(eventPath);

        Assert.True(rerun.ExitCode == 0, rerun.Out + rerun.Error);
        Assert.Single(world.State.Repositories, repository => repository.Name.StartsWith(Repo, StringComparison.OrdinalIgnoreCase));
        var repoFiles = world.State.FilesAt(OnboardingWorld.Org, Repo, "main");
        Assert.Contains(seeded ? "CODEOWNERS" : "dags/example_dag.py", repoFiles.Keys);
        Assert.Equal("push", world.State.FindTeam(OnboardingWorld.Org, "ingest-eng")!.RepositoryPermissions[$"{OnboardingWorld.Org}/{Repo}"]);
        IssueEventFlowSpecs.AssertOneCommitOnMain(world, main);
        IssueEventFlowSpecs.AssertArtifactsEqualALocalCompile(world);
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Equal("open", pull.State);
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains($"#{pull.Number} ", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", comment.Body, StringComparison.Ordinal);
        var labels = world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels;
        Assert.Contains("onboarding-done", labels);
        Assert.DoesNotContain("onboarding-failed", labels);

        var writes = world.Server.Requests.MutatingCount;
        Assert.Equal(0, world.Run(eventPath).ExitCode);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        world.Server.AssertConformsToOpenApi();
    }
}
