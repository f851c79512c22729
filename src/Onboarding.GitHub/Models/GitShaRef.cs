namespace Onboarding.GitHub.Models;

internal sealed record GitShaRef(string Sha);
