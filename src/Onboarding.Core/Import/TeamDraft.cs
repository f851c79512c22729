using Onboarding.Core.Model;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Import;

/// <summary>A team file being assembled from the imported list, possibly on top of an existing one.</summary>
internal sealed class TeamDraft(string name, TeamFile? existing)
{
    public string Name { get; } = name;

    public TeamFile? Existing { get; } = existing;

    public string Path => $"teams/{Name}.yaml";

    public List<BundleDraft> Bundles { get; } = existing?.Bundles.Select(BundleDraft.From).ToList() ?? [];

    public bool Changed { get; set; }

    public TeamDocument ToDocument() => new(
        Name,
        Existing?.Description,
        Existing?.Owners.GitHubTeam is { Length: > 0 } team ? team : Name,
        Existing?.Owners.Contacts ?? [],
        [.. Bundles.Select(b => b.ToDocument())]);
}

internal sealed class BundleDraft(string name, string repo, BundleSettings settings, string? gitConnId, bool? submodules, IReadOnlyList<string>? sparseDirs)
{
    public string Name { get; } = name;

    public string Repo { get; } = repo;

    public BundleSettings Settings { get; } = settings;

    public string? GitConnId { get; } = gitConnId;

    public bool? Submodules { get; } = submodules;

    public IReadOnlyList<string>? SparseDirs { get; } = sparseDirs;

    /// <summary>Null: enabled in every environment.</summary>
    public List<KeyValuePair<string, BundleSettings>>? Environments { get; set; }

    public static BundleDraft From(BundleSpec spec) => new(spec.Name, spec.Repo, spec.Settings, spec.GitConnId, spec.Submodules, spec.SparseDirs)
    {
        Environments = spec.Environments?.Select(e => new KeyValuePair<string, BundleSettings>(e.Name, e.Settings)).ToList(),
    };

    public BundleDocument ToDocument() => new(Name, Repo, Settings, GitConnId, Submodules, SparseDirs, Environments);
}
