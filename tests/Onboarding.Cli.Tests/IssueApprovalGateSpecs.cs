using Onboarding.Cli.Tests.Utils;

namespace Onboarding.Cli.Tests;

/// <summary>Only the exact approval label, applied by someone with at least the configured role, to the body as it was approved, starts an onboarding.</summary>
public sealed class IssueApprovalGateSpecs
{
    [Fact]
    public async Task A_label_applied_when_the_issue_was_opened_starts_nothing()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue, action: "opened", label: null, sender: "dana"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to do", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Out.Trim().Split('\n'));
        Assert.Empty(world.Server.Requests.All);
    }

    [Theory]
    [InlineData("onboarding-approved ")]
    [InlineData("Onboarding-Approved")]
    [InlineData("ONBOARDING-APPROVED")]
    [InlineData("onboarding")]
    public async Task Any_label_but_the_exact_approval_label_starts_nothing(string label)
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue, label: label));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not the approval label 'onboarding-approved'", result.Out, StringComparison.Ordinal);
        Assert.Empty(world.Server.Requests.All);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("triage")]
    [InlineData("write")]
    [InlineData("none")]
    public async Task A_labeler_below_the_approver_permission_starts_nothing_and_writes_nothing(string role)
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.State.SetCollaboratorRole(OnboardingWorld.Org, OnboardingWorld.Platform, "eve", role);
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue, sender: "eve"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"eve applied 'onboarding-approved' with role '{role}'", result.Error, StringComparison.Ordinal);
        Assert.Contains("approving needs 'maintain' or higher", result.Error, StringComparison.Ordinal);
        Assert.Equal(["GET /repos/{owner}/{repo}/collaborators/{username}/permission"], world.Server.Requests.All.Select(request => request.Operation));
        Assert.Empty(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
    }

    [Theory]
    [InlineData("maintain")]
    [InlineData("admin")]
    public async Task A_maintainer_label_proceeds_exactly_once(string role)
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.State.SetCollaboratorRole(OnboardingWorld.Org, OnboardingWorld.Platform, "mo", role);
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        var eventPath = world.WriteEvent(issue, sender: "mo");

        var first = world.Run(eventPath);
        var writes = world.Server.Requests.MutatingCount;
        var second = world.Run(eventPath);

        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        Assert.Equal(1, world.Server.Requests.Count("POST /repos/{template_owner}/{template_repo}/generate"));
        Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
    }

    [Fact]
    public async Task A_body_edited_after_approval_stops_with_a_comment_and_creates_nothing()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var approved = OnboardingWorld.IssueBody("ingest", "ingest-eng", "airflow-ingest");
        var issue = world.AddIssue("ingest", "ingest-eng", "https://github.com/acme-shared/elsewhere");

        var result = world.Run(world.WriteEvent(issue, body: approved));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("changed after 'onboarding-approved' was applied", result.Error, StringComparison.Ordinal);
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains("the request changed after approval", comment.Body, StringComparison.Ordinal);
        Assert.Contains("apply the label again", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("onboarding-approved", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);
        Assert.Null(world.State.FindRepository(OnboardingWorld.Org, "airflow-ingest"));
        Assert.Null(world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/ingest"));
        Assert.Equal(0, world.Server.Requests.Count("GET /repos/{owner}/{repo}"));
    }

    [Fact]
    public async Task Labeling_a_pull_request_starts_nothing()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        var eventPath = world.WriteEvent(issue);
        File.WriteAllText(eventPath, File.ReadAllText(eventPath).Replace("\"author_association\"", "\"pull_request\":{\"url\":\"x\"},\"author_association\"", StringComparison.Ordinal));

        var result = world.Run(eventPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pull request", result.Out, StringComparison.Ordinal);
        Assert.Empty(world.Server.Requests.All);
    }
}
