using Onboarding.Core.Diagnostics;

namespace Onboarding.Core.Model;

/// <summary>teams/&lt;team&gt;.yaml: one team, its owners and its DAG bundles.</summary>
internal sealed record TeamFile(
    string Path,
    string Name,
    string? Description,
    TeamOwners Owners,
    IReadOnlyList<BundleSpec> Bundles,
    SourceLocation NameAt);

internal sealed record TeamOwners(string GitHubTeam, IReadOnlyList<string> Contacts);

/// <summary>A bundle as written in a team file, before precedence and normalisation.</summary>
internal sealed record BundleSpec(
    string Name,
    string Repo,
    BundleSettings Settings,
    string? GitConnId,
    bool? Submodules,
    IReadOnlyList<string>? SparseDirs,
    IReadOnlyList<BundleEnvironment>? Environments,
    BundleLocations At);

/// <summary>Where a bundle's keys were written, for diagnostics after the YAML tree is gone.</summary>
internal sealed record BundleLocations(SourceLocation Name, SourceLocation Repo, SourceLocation? Environments);

/// <summary>A bundle's entry under <c>environments:</c>: enabled there, with optional overrides.</summary>
internal sealed record BundleEnvironment(string Name, BundleSettings Settings, SourceLocation At);
