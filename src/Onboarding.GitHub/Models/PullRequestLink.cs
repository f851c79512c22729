namespace Onboarding.GitHub.Models;

internal sealed record PullRequestLink(string? Url);
