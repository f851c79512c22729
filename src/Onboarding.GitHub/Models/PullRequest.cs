namespace Onboarding.GitHub.Models;

public sealed record PullRequest(
    long Id,
    int Number,
    string State,
    string Title,
    string? Body,
    string HtmlUrl,
    PullRequestBranch Head,
    PullRequestBranch Base);
