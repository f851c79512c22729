namespace Onboarding.GitHub.Models;

public sealed record RepositoryPermissions(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);
