namespace Onboarding.GitHub.Models;

public sealed record TeamPermissionRequest(string Permission);
