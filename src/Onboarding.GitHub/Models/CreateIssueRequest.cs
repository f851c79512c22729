namespace Onboarding.GitHub.Models;

internal sealed record CreateIssueRequest(string Title, string Body, IReadOnlyList<string> Labels);
