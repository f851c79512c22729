namespace Onboarding.Core.Import;

/// <summary>A team file being assembled from the imported list, possibly on top of an existing one.</summary>
public sealed class TeamDraft(string name, TeamFile? existing)
{
    public string Name { get; } = name;

    public TeamFile? Existing { get; } = existing;

    public string Path => $"teams/{Name}.yaml";

    public List<BundleSpec> Bundles { get; } = existing?.Bundles.ToList() ?? [];

    public bool Changed { get; set; }

    public TeamDocument ToDocument() => new(
        Name,
        Existing?.Description,
        Existing?.Owners.GitHubTeam is { Length: > 0 } team ? team : Name,
        Existing?.Owners.Contacts ?? [],
        Bundles);
}
