namespace Onboarding.GitHub.Drift;

/// <summary>One difference between GitHub and the team files, with what fixes it.</summary>
/// <param name="Environment">The environment whose tracking_ref is missing; null for the repository as a whole.</param>
public sealed record DriftFinding(string Team, string Bundle, string? Environment, string Finding, string Fix);
