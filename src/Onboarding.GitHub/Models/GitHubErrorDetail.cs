namespace Onboarding.GitHub.Models;

public sealed record GitHubErrorDetail(string? Resource, string? Field, string? Code, string? Message);
