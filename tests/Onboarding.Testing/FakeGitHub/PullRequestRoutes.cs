using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>Pull requests: one open pull request per head and base, as GitHub enforces.</summary>
internal sealed class PullRequestRoutes(FakeGitHubState state) : RouteArea(state)
{
    public override IEnumerable<FakeRoute> Routes() =>
    [
        new("GET", "/repos/{owner}/{repo}/pulls", List),
        new("POST", "/repos/{owner}/{repo}/pulls", Create),
        new("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", Update),
    ];

    private FakeResponse List(FakeRequest request)
    {
        if (Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        var state = request.QueryValue("state") ?? "open";
        var head = request.QueryValue("head");
        var baseRef = request.QueryValue("base");
        var pulls = repository.Issues
            .Where(issue => issue.Pull is not null && (state == "all" || issue.State == state))
            .Where(issue => head is null || string.Equals($"{issue.Pull!.HeadOwner}:{issue.Pull.HeadRef}", head, StringComparison.OrdinalIgnoreCase))
            .Where(issue => baseRef is null || issue.Pull!.BaseRef == baseRef)
            .OrderByDescending(issue => issue.Number)
            .Select(issue => (JsonNode)FakeJson.PullRequest(State, request.Urls, repository, issue, full: false));
        return FakeResponse.List(new JsonArray([.. pulls]));
    }

    private FakeResponse Create(FakeRequest request)
    {
        if (Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        var head = request.BodyString("head") ?? string.Empty;
        var headOwner = head.Contains(':', StringComparison.Ordinal) ? head.Split(':', 2)[0] : repository.Owner;
        var headRef = head.Contains(':', StringComparison.Ordinal) ? head.Split(':', 2)[1] : head;
        var baseRef = request.BodyString("base") ?? string.Empty;
        if (!repository.Refs.ContainsKey($"refs/heads/{baseRef}"))
        {
            return FakeResponse.ValidationFailed("PullRequest", "base", "invalid");
        }

        if (!string.Equals(headOwner, repository.Owner, StringComparison.OrdinalIgnoreCase) || !repository.Refs.TryGetValue($"refs/heads/{headRef}", out var headSha))
        {
            return FakeResponse.ValidationFailed("PullRequest", "head", "invalid");
        }

        if (repository.Objects.IsAncestor(headSha, repository.Refs[$"refs/heads/{baseRef}"]))
        {
            return FakeResponse.ValidationFailed("PullRequest", "head", $"No commits between {baseRef} and {headRef}");
        }

        if (repository.Issues.Any(issue => issue.State == "open" && issue.Pull is { } pull && pull.HeadRef == headRef && pull.BaseRef == baseRef))
        {
            return FakeResponse.ValidationFailed("PullRequest", "head", $"A pull request already exists for {repository.Owner}:{headRef}.");
        }

        var created = State.NewIssue(repository, request.BodyString("title") ?? string.Empty, request.BodyString("body"), FakeGitHubState.BotLogin);
        created.Pull = new FakePullRequest(State.NewId(), repository.Owner, headRef, baseRef);
        return FakeResponse.Created(FakeJson.PullRequest(State, request.Urls, repository, created, full: true));
    }

    private FakeResponse Update(FakeRequest request)
    {
        if (Repository(request) is not { } repository
            || repository.Issues.FirstOrDefault(issue => issue.Number == request.Number("pull_number") && issue.Pull is not null) is not { } pull)
        {
            return FakeResponse.NotFound();
        }

        pull.Title = request.BodyString("title") ?? pull.Title;
        pull.Body = request.BodyString("body") ?? pull.Body;
        if (request.BodyString("state") is { } newState)
        {
            pull.State = newState;
            pull.ClosedAt = newState == "closed" ? State.Clock.GetUtcNow() : null;
        }

        if (request.BodyString("base") is { } baseRef)
        {
            pull.Pull = pull.Pull! with { BaseRef = baseRef };
        }

        pull.UpdatedAt = State.Clock.GetUtcNow();
        return FakeResponse.Ok(FakeJson.PullRequest(State, request.Urls, repository, pull, full: true));
    }
}
