namespace Onboarding.GitHub.Models;

internal sealed record GitRefTarget(string Type, string Sha);
