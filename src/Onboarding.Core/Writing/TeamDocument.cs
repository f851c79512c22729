using Onboarding.Core.Model;

namespace Onboarding.Core.Writing;

/// <summary>A team file to be written: built as an object by the issue mapper or the importer, never as text.</summary>
internal sealed record TeamDocument(
    string Name,
    string? Description,
    string GitHubTeam,
    IReadOnlyList<string> Contacts,
    IReadOnlyList<BundleDocument> Bundles);

internal sealed record BundleDocument(
    string Name,
    string Repo,
    BundleSettings Settings,
    string? GitConnId = null,
    bool? Submodules = null,
    IReadOnlyList<string>? SparseDirs = null,
    IReadOnlyList<KeyValuePair<string, BundleSettings>>? Environments = null);
