using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class CommentAndLabelSpecs : GitHubSpec
{
    private int issue;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedRepository("platform");
        issue = Server.State.AddIssue(Org, "platform", "Onboard analytics", "body", ["onboarding"]).Number;
    }

    [Fact]
    public async Task Comments_are_listed_across_every_page_in_order()
    {
        for (var i = 0; i < 250; i++)
        {
            Server.State.AddComment(Org, "platform", issue, $"comment {i}");
        }

        var comments = await Client.ListIssueCommentsAsync(Org, "platform", issue, Ct);

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"comment {i}"), comments.Select(comment => comment.Body));
        Assert.Equal(3, Server.Requests.Count("GET /repos/{owner}/{repo}/issues/{issue_number}/comments"));
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_followed_so_the_token_stays_home()
    {
        for (var i = 0; i < 150; i++)
        {
            Server.State.AddComment(Org, "platform", issue, $"comment {i}");
        }

        Server.PaginationLinkBase = "http://collector.invalid";

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.ListIssueCommentsAsync(Org, "platform", issue, Ct));

        Assert.Contains("the next page lies outside the API base address; not followed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Server.Requests.Count("GET /repos/{owner}/{repo}/issues/{issue_number}/comments"));
    }

    [Fact]
    public async Task A_sticky_comment_is_created_once_then_updated_in_place()
    {
        var created = await Client.CreateIssueCommentAsync(Org, "platform", issue, "<!-- onboard -->\nworking on it", Ct);

        var updated = await Client.UpdateIssueCommentAsync(Org, "platform", created.Id, "<!-- onboard -->\ndone", Ct);

        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(["<!-- onboard -->\ndone"], Server.State.Comments(Org, "platform", issue).Select(comment => comment.Body));
    }

    [Fact]
    public async Task Commenting_on_a_missing_issue_fails_as_not_found()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateIssueCommentAsync(Org, "platform", 999, "x", Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
    }

    [Fact]
    public async Task Updating_a_missing_comment_fails_as_not_found()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.UpdateIssueCommentAsync(Org, "platform", 123456789, "x", Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
    }

    [Fact]
    public async Task Labels_are_added_and_removed_and_the_remaining_ones_returned()
    {
        var afterAdd = await Client.AddLabelsAsync(Org, "platform", issue, ["onboarding-failed"], Ct);

        var afterRemove = await Client.RemoveLabelAsync(Org, "platform", issue, "onboarding", Ct);

        Assert.Equal(["onboarding", "onboarding-failed"], afterAdd.Select(label => label.Name));
        Assert.Equal(["onboarding-failed"], afterRemove?.Select(label => label.Name));
        Assert.Equal(["onboarding-failed"], Server.State.Issue(Org, "platform", issue).Labels);
    }

    [Fact]
    public async Task Removing_a_label_the_issue_does_not_carry_reads_as_null()
    {
        Assert.Null(await Client.RemoveLabelAsync(Org, "platform", issue, "onboarding approved", Ct));
    }
}
