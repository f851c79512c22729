namespace Onboarding.GitHub.Models;

internal sealed record GitTree(string Sha, bool Truncated);
