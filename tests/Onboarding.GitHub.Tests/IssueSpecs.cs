using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class IssueSpecs : GitHubSpec
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedRepository("platform");
    }

    [Fact]
    public async Task An_issue_is_read_with_its_body_and_labels()
    {
        var seeded = Server.State.AddIssue(Org, "platform", "Onboard analytics", "### Team name\n\nanalytics\r\n", ["onboarding", "onboarding-approved"]);

        var issue = await Client.GetIssueAsync(Org, "platform", seeded.Number, Ct);

        Assert.NotNull(issue);
        Assert.Equal("### Team name\n\nanalytics\r\n", issue.Body);
        Assert.Equal(["onboarding", "onboarding-approved"], issue.Labels.Select(label => label.Name));
        Assert.Equal("octocat", issue.User?.Login);
    }

    [Fact]
    public async Task A_missing_issue_reads_as_null()
    {
        Assert.Null(await Client.GetIssueAsync(Org, "platform", 404, Ct));
    }

    [Fact]
    public async Task An_issue_is_created_with_labels_and_closed()
    {
        var created = await Client.CreateIssueAsync(Org, "platform", new CreateIssueRequest("Drift in prod", "bundle x differs", ["drift"]), Ct);

        var closed = await Client.UpdateIssueAsync(Org, "platform", created.Number, new UpdateIssueRequest(State: "closed", StateReason: "completed"), Ct);

        Assert.Equal("open", created.State);
        Assert.Equal("closed", closed.State);
        Assert.Equal("closed", Server.State.Issue(Org, "platform", created.Number).State);
    }

    [Fact]
    public async Task Listing_by_label_follows_every_page_and_leaves_out_pull_requests_and_other_labels()
    {
        for (var i = 0; i < 130; i++)
        {
            Server.State.AddIssue(Org, "platform", $"Drift {i}", "x", ["drift"]);
        }

        Server.State.AddIssue(Org, "platform", "Unrelated", "x", ["question"]);
        Server.State.AddPullRequest(Org, "platform", "main", "main", "A pull request", "x", ["drift"]);

        var issues = await Client.ListIssuesByLabelAsync(Org, "platform", "drift", "open", Ct);

        Assert.Equal(130, issues.Count);
        Assert.All(issues, issue => Assert.StartsWith("Drift ", issue.Title, StringComparison.Ordinal));
        Assert.Equal(2, Server.Requests.Count("GET /repos/{owner}/{repo}/issues"));
    }
}
