namespace Onboarding.GitHub.Models;

public sealed record GitRefTarget(string Type, string Sha);
