namespace Onboarding.GitHub.Models;

/// <summary>Null members are left unchanged by GitHub (they are not sent).</summary>
public sealed record UpdatePullRequestRequest(string? Title = null, string? Body = null, string? State = null);
