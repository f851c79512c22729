namespace Onboarding.GitHub.Models;

/// <summary>A tree as GitHub lists it; <see cref="Truncated"/> means GitHub left entries out (very large trees).</summary>
internal sealed record GitTree(string Sha, bool Truncated, IReadOnlyList<GitTreeEntry>? Tree);
