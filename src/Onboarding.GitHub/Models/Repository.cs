namespace Onboarding.GitHub.Models;

public sealed record Repository(
    long Id,
    string Name,
    string FullName,
    RepositoryOwner Owner,
    string HtmlUrl,
    string DefaultBranch,
    bool Private,
    string? Visibility,
    bool Archived,
    bool IsTemplate);
