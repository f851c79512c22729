namespace Onboarding.GitHub.Models;

internal sealed record PullRequestBranch(string Ref, string Sha, string? Label);
