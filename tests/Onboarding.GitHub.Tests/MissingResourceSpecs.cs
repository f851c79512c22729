using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

/// <summary>Every call against a repository (or organisation) that does not exist: reads answer null, writes fail as not found.</summary>
public sealed class MissingResourceSpecs : GitHubSpec
{
    private const string Sha = "0123456789012345678901234567890123456789";

    public static TheoryData<string> Reads() =>
    [
        "get repository", "get team access", "get collaborator permission", "get issue", "get branch", "get commit", "get tree", "remove label",
    ];

    public static TheoryData<string> Writes() =>
    [
        "create repository in a missing organisation", "update repository", "set team permission", "create issue", "update issue",
        "list issues", "create branch", "move branch", "create tree", "create commit", "create pull request", "find pull request",
        "update pull request", "list comments", "create comment", "update comment", "add labels",
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.State.AddTeam(Org, "analytics-eng");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_of_something_missing_answers_null(string call)
    {
        var result = await Call(call);

        Assert.Null(result);
        Assert.Single(Server.Requests.All);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_call_on_something_missing_fails_as_not_found_after_one_try(string call)
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Call(call));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(1, error.Attempts);
        Assert.Single(Server.Requests.All);
    }

    private async Task<object?> Call(string call) => call switch
    {
        "get repository" => await Client.GetRepositoryAsync(Org, "nope", Ct),
        "get team access" => await Client.GetTeamRepositoryAccessAsync(Org, "analytics-eng", Org, "nope", Ct),
        "get collaborator permission" => await Client.GetCollaboratorPermissionAsync(Org, "nope", "octocat", Ct),
        "get issue" => await Client.GetIssueAsync(Org, "nope", 1, Ct),
        "get branch" => await Client.GetBranchRefAsync(Org, "nope", "main", Ct),
        "get commit" => await Client.GetCommitAsync(Org, "nope", Sha, Ct),
        "get tree" => await Client.GetTreeAsync(Org, "nope", Sha, recursive: true, Ct),
        "remove label" => await Client.RemoveLabelAsync(Org, "nope", 1, "x", Ct),
        "create repository in a missing organisation" => await Client.CreateOrganizationRepositoryAsync("no-such-org", new CreateRepositoryRequest("x", "private", true, null), Ct),
        "update repository" => await Client.UpdateRepositoryAsync(Org, "nope", new UpdateRepositoryRequest(Archived: true), Ct),
        "set team permission" => await Done(Client.SetTeamRepositoryPermissionAsync(Org, "analytics-eng", Org, "nope", "push", Ct)),
        "create issue" => await Client.CreateIssueAsync(Org, "nope", new CreateIssueRequest("t", "b", []), Ct),
        "update issue" => await Client.UpdateIssueAsync(Org, "nope", 1, new UpdateIssueRequest(State: "closed"), Ct),
        "list issues" => await Client.ListIssuesByLabelAsync(Org, "nope", "drift", "all", Ct),
        "create branch" => await Client.CreateBranchRefAsync(Org, "nope", "b", Sha, Ct),
        "move branch" => await Client.UpdateBranchRefAsync(Org, "nope", "main", Sha, Ct),
        "create tree" => await Client.CreateTreeAsync(Org, "nope", new CreateTreeRequest(null, [new TreeEntry("a", "a")]), Ct),
        "create commit" => await Client.CreateCommitAsync(Org, "nope", new CreateCommitRequest("m", Sha, []), Ct),
        "create pull request" => await Client.CreatePullRequestAsync(Org, "nope", new CreatePullRequestRequest("t", "b", "main", "x"), Ct),
        "find pull request" => await Client.FindOpenPullRequestAsync(Org, "nope", Org, "b", Ct),
        "update pull request" => await Client.UpdatePullRequestAsync(Org, "nope", 1, new UpdatePullRequestRequest(Body: "x"), Ct),
        "list comments" => await Client.ListIssueCommentsAsync(Org, "nope", 1, Ct),
        "create comment" => await Client.CreateIssueCommentAsync(Org, "nope", 1, "x", Ct),
        "update comment" => await Client.UpdateIssueCommentAsync(Org, "nope", 1, "x", Ct),
        "add labels" => await Client.AddLabelsAsync(Org, "nope", 1, ["x"], Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "Unknown call."),
    };

    private static async Task<object?> Done(Task task)
    {
        await task;
        return "done";
    }
}
