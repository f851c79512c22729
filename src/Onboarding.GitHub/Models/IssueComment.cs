namespace Onboarding.GitHub.Models;

public sealed record IssueComment(long Id, string? Body, string HtmlUrl, UserRef? User);
