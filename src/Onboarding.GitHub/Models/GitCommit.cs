namespace Onboarding.GitHub.Models;

internal sealed record GitCommit(string Sha, string Message, GitShaRef Tree, IReadOnlyList<GitShaRef> Parents, string? HtmlUrl);
