namespace Onboarding.GitHub.Models;

public sealed record Issue(
    long Id,
    int Number,
    string Title,
    string? Body,
    string State,
    string HtmlUrl,
    UserRef? User,
    IReadOnlyList<Label> Labels,
    PullRequestLink? PullRequest)
{
    /// <summary>The issues API also lists pull requests; they carry a <c>pull_request</c> link.</summary>
    public bool IsPullRequest => PullRequest is not null;
}
