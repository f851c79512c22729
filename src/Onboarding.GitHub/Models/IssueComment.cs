namespace Onboarding.GitHub.Models;

internal sealed record IssueComment(long Id, string? Body, string HtmlUrl, UserRef? User);
