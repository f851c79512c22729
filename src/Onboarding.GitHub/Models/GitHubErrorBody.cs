namespace Onboarding.GitHub.Models;

/// <summary>The body GitHub sends with an error status.</summary>
public sealed record GitHubErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<GitHubErrorDetail>? Errors);
