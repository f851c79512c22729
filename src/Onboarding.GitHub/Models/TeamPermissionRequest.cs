namespace Onboarding.GitHub.Models;

internal sealed record TeamPermissionRequest(string Permission);
