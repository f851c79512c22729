using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>Issues (the list includes pull requests, as on GitHub), their comments and labels.</summary>
internal sealed class IssueRoutes(FakeGitHubState state) : RouteArea(state)
{
    public override IEnumerable<FakeRoute> Routes() =>
    [
        new("GET", "/repos/{owner}/{repo}/issues", List),
        new("POST", "/repos/{owner}/{repo}/issues", Create),
        new("GET", "/repos/{owner}/{repo}/issues/{issue_number}", Get),
        new("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", Update),
        new("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments", ListComments),
        new("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", CreateComment),
        new("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", UpdateComment),
        new("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", AddLabels),
        new("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", RemoveLabel),
    ];

    private FakeResponse List(FakeRequest request)
    {
        if (Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        var state = request.QueryValue("state") ?? "open";
        var labels = (request.QueryValue("labels") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var issues = repository.Issues
            .Where(issue => state == "all" || issue.State == state)
            .Where(issue => labels.All(label => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(issue => issue.Number)
            .Select(issue => (JsonNode)FakeJson.Issue(State, request.Urls, repository, issue));
        return FakeResponse.List(new JsonArray([.. issues]));
    }

    private FakeResponse Create(FakeRequest request)
    {
        if (Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.BodyString("title")))
        {
            return FakeResponse.ValidationFailed("Issue", "title", "missing_field");
        }

        var issue = State.NewIssue(repository, request.BodyString("title")!, request.BodyString("body"), FakeGitHubState.BotLogin);
        foreach (var label in LabelNames(request.Body?["labels"]))
        {
            State.AddLabel(repository, issue, label);
        }

        return FakeResponse.Created(FakeJson.Issue(State, request.Urls, repository, issue));
    }

    private FakeResponse Get(FakeRequest request) =>
        Repository(request) is { } repository && Issue(repository, request) is { } issue
            ? FakeResponse.Ok(FakeJson.Issue(State, request.Urls, repository, issue))
            : FakeResponse.NotFound();

    private FakeResponse Update(FakeRequest request)
    {
        if (Repository(request) is not { } repository || Issue(repository, request) is not { } issue)
        {
            return FakeResponse.NotFound();
        }

        issue.Title = request.BodyString("title") ?? issue.Title;
        issue.Body = request.BodyString("body") ?? issue.Body;
        if (request.BodyString("state") is { } newState)
        {
            issue.State = newState;
            issue.StateReason = newState == "closed" ? request.BodyString("state_reason") ?? "completed" : "reopened";
            issue.ClosedAt = newState == "closed" ? State.Clock.GetUtcNow() : null;
        }

        issue.UpdatedAt = State.Clock.GetUtcNow();
        return FakeResponse.Ok(FakeJson.Issue(State, request.Urls, repository, issue));
    }

    private FakeResponse ListComments(FakeRequest request) =>
        Repository(request) is { } repository && Issue(repository, request) is { } issue
            ? FakeResponse.List(new JsonArray([.. issue.Comments.OrderBy(comment => comment.Id).Select(comment => (JsonNode)FakeJson.Comment(State, request.Urls, repository, comment))]))
            : FakeResponse.NotFound();

    private FakeResponse CreateComment(FakeRequest request)
    {
        if (Repository(request) is not { } repository || Issue(repository, request) is not { } issue)
        {
            return FakeResponse.NotFound();
        }

        var comment = new FakeComment(State.NewId(), issue.Number, request.BodyString("body") ?? string.Empty, FakeGitHubState.BotLogin, State.Clock.GetUtcNow());
        issue.Comments.Add(comment);
        return FakeResponse.Created(FakeJson.Comment(State, request.Urls, repository, comment));
    }

    private FakeResponse UpdateComment(FakeRequest request)
    {
        var id = long.Parse(request["comment_id"], System.Globalization.CultureInfo.InvariantCulture);
        if (Repository(request) is not { } repository || repository.Issues.SelectMany(issue => issue.Comments).FirstOrDefault(comment => comment.Id == id) is not { } comment)
        {
            return FakeResponse.NotFound();
        }

        comment.Body = request.BodyString("body") ?? comment.Body;
        comment.UpdatedAt = State.Clock.GetUtcNow();
        return FakeResponse.Ok(FakeJson.Comment(State, request.Urls, repository, comment));
    }

    private FakeResponse AddLabels(FakeRequest request)
    {
        if (Repository(request) is not { } repository || Issue(repository, request) is not { } issue)
        {
            return FakeResponse.NotFound();
        }

        foreach (var label in LabelNames(request.Body is JsonObject body ? body["labels"] : request.Body))
        {
            State.AddLabel(repository, issue, label);
        }

        return FakeResponse.Ok(FakeJson.Labels(request.Urls, repository, issue));
    }

    private FakeResponse RemoveLabel(FakeRequest request)
    {
        if (Repository(request) is not { } repository || Issue(repository, request) is not { } issue)
        {
            return FakeResponse.NotFound();
        }

        if (issue.Labels.RemoveAll(label => string.Equals(label, request["name"], StringComparison.OrdinalIgnoreCase)) == 0)
        {
            return FakeResponse.Error(404, "Label does not exist");
        }

        return FakeResponse.Ok(FakeJson.Labels(request.Urls, repository, issue));
    }

    private static IEnumerable<string> LabelNames(JsonNode? labels) =>
        (labels as JsonArray ?? []).Select(label => label is JsonObject named ? named["name"]!.GetValue<string>() : label!.GetValue<string>());
}
