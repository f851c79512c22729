namespace Onboarding.GitHub.Models;

public sealed record CreateIssueRequest(string Title, string Body, IReadOnlyList<string> Labels);
