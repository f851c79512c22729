namespace Onboarding.GitHub.Models;

/// <summary>A tree as GitHub lists it; <see cref="Truncated"/> means GitHub left entries out (very large trees).</summary>
public sealed record GitTree(string Sha, bool Truncated, IReadOnlyList<GitTreeEntry>? Tree);
