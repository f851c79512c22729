namespace Onboarding.GitHub.Models;

internal sealed record RepositoryPermissions(bool Admin, bool Maintain, bool Push, bool Triage, bool Pull);
