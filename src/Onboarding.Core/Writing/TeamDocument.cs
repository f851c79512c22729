namespace Onboarding.Core.Writing;

/// <summary>A team file to be written: built as an object by the issue mapper or the importer, never as text.</summary>
public sealed record TeamDocument(
    string Name,
    string? Description,
    string GitHubTeam,
    IReadOnlyList<string> Contacts,
    IReadOnlyList<BundleSpec> Bundles);
