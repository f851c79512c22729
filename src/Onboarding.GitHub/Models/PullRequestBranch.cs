namespace Onboarding.GitHub.Models;

public sealed record PullRequestBranch(string Ref, string Sha, string? Label);
