namespace Onboarding.GitHub.Models;

public sealed record GitShaRef(string Sha);
