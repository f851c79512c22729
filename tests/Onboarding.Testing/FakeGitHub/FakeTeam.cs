namespace Onboarding.Testing.FakeGitHub;

public sealed class FakeTeam(long id, string org, string slug, string name)
{
    public long Id { get; } = id;

    public string Org { get; } = org;

    public string Slug { get; } = slug;

    public string Name { get; } = name;

    /// <summary>Repository full name (case-insensitive) → permission: pull, triage, push, maintain, admin or a custom role.</summary>
    public Dictionary<string, string> RepositoryPermissions { get; } = new(StringComparer.OrdinalIgnoreCase);
}
