namespace Onboarding.GitHub.Models;

public sealed record Label(string Name);
