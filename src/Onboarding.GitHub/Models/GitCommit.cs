namespace Onboarding.GitHub.Models;

public sealed record GitCommit(string Sha, string Message, GitShaRef Tree, IReadOnlyList<GitShaRef> Parents, string? HtmlUrl);
