namespace Onboarding.GitHub.Drift;

/// <param name="Root">The checkout of the platform repository.</param>
/// <param name="PlatformOwner">Owner of the platform repository, where the drift issue lives.</param>
/// <param name="PlatformRepo">Name of the platform repository.</param>
/// <param name="Teams">The teams to check; empty: every team.</param>
/// <param name="DryRun">Find the drift, but leave the issue alone.</param>
public sealed record DriftReportInput(string Root, string PlatformOwner, string PlatformRepo, IReadOnlyList<string> Teams, bool DryRun);
