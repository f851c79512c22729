namespace Onboarding.GitHub.Models;

internal sealed record GitHubErrorDetail(string? Resource, string? Field, string? Code, string? Message);
