namespace Onboarding.GitHub.Models;

internal sealed record CreatePullRequestRequest(string Title, string Head, string Base, string Body);
