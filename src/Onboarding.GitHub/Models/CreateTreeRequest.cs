namespace Onboarding.GitHub.Models;

/// <summary>
/// Without <see cref="BaseTree"/> the new tree holds only <see cref="Tree"/>: every other file of the branch is deleted.
/// </summary>
public sealed record CreateTreeRequest(string? BaseTree, IReadOnlyList<TreeEntry> Tree);
