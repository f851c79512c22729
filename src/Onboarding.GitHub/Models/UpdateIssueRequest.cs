namespace Onboarding.GitHub.Models;

/// <summary>Null members are left unchanged by GitHub (they are not sent).</summary>
public sealed record UpdateIssueRequest(string? State = null, string? StateReason = null, string? Title = null, string? Body = null);
