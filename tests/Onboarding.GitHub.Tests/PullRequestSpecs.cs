using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.GitHub.Tests;

public sealed class PullRequestSpecs : GitHubSpec
{
    private const string Branch = "onboarding/analytics";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var repository = SeedRepository("platform");
        var main = repository.Refs["refs/heads/main"];
        repository.Objects.TryGetCommit(main, out var head);
        repository.Refs[$"refs/heads/{Branch}"] = repository.Objects.WriteCommit(head.Tree, [main], "Onboard team analytics", head.Author);
    }

    [Fact]
    public async Task A_pull_request_is_opened_from_the_branch_to_main()
    {
        var pull = await Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "Closes #1"), Ct);

        Assert.Equal("open", pull.State);
        Assert.Equal(Branch, pull.Head.Ref);
        Assert.Equal("main", pull.Base.Ref);
        Assert.Equal("Closes #1", Server.State.PullRequests(Org, "platform").Single().Body);
    }

    [Fact]
    public async Task A_second_pull_request_for_the_same_branch_fails_as_already_existing_and_is_found_by_head()
    {
        var first = await Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "v1"), Ct);

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "v2"), Ct));
        var found = await Client.FindOpenPullRequestAsync(Org, "platform", Org, Branch, Ct);

        Assert.Equal(GitHubErrorReason.PullRequestExists, error.Reason);
        Assert.Contains("A pull request already exists for acme:onboarding/analytics.", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Number, found?.Number);
        Assert.Single(Server.State.PullRequests(Org, "platform"));
    }

    [Fact]
    public async Task A_pull_request_whose_answer_was_lost_is_found_by_head_instead_of_being_opened_twice()
    {
        Server.InjectFault(FaultRule.On("POST /repos/{owner}/{repo}/pulls", FaultKind.BadGateway) with { AfterProcessing = true });

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "v1"), Ct));
        var found = error.OutcomeUnknown ? await Client.FindOpenPullRequestAsync(Org, "platform", Org, Branch, Ct) : null;

        Assert.NotNull(found);
        Assert.Equal("Onboard team analytics", found.Title);
        Assert.Single(Server.State.PullRequests(Org, "platform"));
        Assert.Equal(1, Server.Requests.Count("POST /repos/{owner}/{repo}/pulls"));
    }

    [Fact]
    public async Task No_open_pull_request_for_a_branch_reads_as_null()
    {
        Assert.Null(await Client.FindOpenPullRequestAsync(Org, "platform", Org, Branch, Ct));
    }

    [Fact]
    public async Task A_closed_pull_request_is_not_found_as_open()
    {
        var pull = await Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "v1"), Ct);
        await Client.UpdatePullRequestAsync(Org, "platform", pull.Number, new UpdatePullRequestRequest(State: "closed"), Ct);

        Assert.Null(await Client.FindOpenPullRequestAsync(Org, "platform", Org, Branch, Ct));
    }

    [Fact]
    public async Task Updating_a_pull_request_changes_its_title_and_body()
    {
        var pull = await Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("Onboard team analytics", Branch, "main", "v1"), Ct);

        var updated = await Client.UpdatePullRequestAsync(Org, "platform", pull.Number, new UpdatePullRequestRequest(Title: "Onboard team analytics (2 bundles)", Body: "v2"), Ct);

        Assert.Equal("Onboard team analytics (2 bundles)", updated.Title);
        Assert.Equal("v2", Server.State.PullRequests(Org, "platform").Single().Body);
    }

    [Fact]
    public async Task Updating_a_missing_pull_request_fails_as_not_found()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.UpdatePullRequestAsync(Org, "platform", 99, new UpdatePullRequestRequest(Body: "x"), Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
    }

    [Fact]
    public async Task A_pull_request_from_a_branch_that_does_not_exist_is_refused()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.CreatePullRequestAsync(Org, "platform", new CreatePullRequestRequest("x", "onboarding/ghost", "main", "x"), Ct));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(GitHubErrorReason.Other, error.Reason);
    }
}
