namespace Onboarding.GitHub.Models;

/// <summary>One entry of a listed tree: <see cref="Type"/> is blob, tree or commit; <see cref="Sha"/> the object's git SHA-1.</summary>
public sealed record GitTreeEntry(string Path, string Mode, string Type, string Sha);
