namespace Onboarding.GitHub.Models;

/// <summary>Null members are left unchanged by GitHub (they are not sent).</summary>
public sealed record UpdateRepositoryRequest(string? Visibility = null, bool? Archived = null, string? Description = null);
