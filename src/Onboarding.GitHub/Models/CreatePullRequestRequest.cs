namespace Onboarding.GitHub.Models;

public sealed record CreatePullRequestRequest(string Title, string Head, string Base, string Body);
