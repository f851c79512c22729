namespace Onboarding.GitHub.Models;

internal sealed record Label(string Name);
