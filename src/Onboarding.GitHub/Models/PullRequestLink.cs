namespace Onboarding.GitHub.Models;

public sealed record PullRequestLink(string? Url);
