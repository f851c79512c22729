namespace Onboarding.Core.Model;

/// <summary>teams/&lt;team&gt;.yaml: one team, its owners and its DAG bundles.</summary>
public sealed record TeamFile(
    string Path,
    string Name,
    string? Description,
    TeamOwners Owners,
    IReadOnlyList<BundleSpec> Bundles,
    SourceLocation NameAt);

public sealed record TeamOwners(string GitHubTeam, IReadOnlyList<string> Contacts);

/// <summary>
/// A bundle as a team file holds it, before precedence and normalisation: read by the loader, built by
/// the issue mapper and by import, written by the team-file writer. <see cref="Settings"/> holds the
/// GitDagBundle settings given at bundle level; <see cref="Environments"/> null means every environment.
/// </summary>
public sealed record BundleSpec(
    string Name,
    string Repo,
    BundleSettings Settings,
    IReadOnlyList<BundleEnvironment>? Environments = null,
    BundleLocations? Locations = null)
{
    /// <summary>Where the bundle's keys were written; unknown for a bundle not read from a file.</summary>
    public BundleLocations At => Locations ?? BundleLocations.Unknown;
}

/// <summary>Where a bundle's keys were written, for diagnostics after the YAML tree is gone.</summary>
public sealed record BundleLocations(SourceLocation Name, SourceLocation Repo, SourceLocation? Environments)
{
    public static BundleLocations Unknown { get; } = new(default, default, null);
}

/// <summary>A bundle's entry under <c>environments:</c>: enabled there, with optional overrides.</summary>
public sealed record BundleEnvironment(string Name, BundleSettings Settings, SourceLocation At = default);
