namespace Onboarding.GitHub.Models;

/// <summary>
/// Without <see cref="Force"/> (not sent when null) GitHub moves the ref only forward, which makes the update a
/// compare-and-swap; with it the ref is moved to any commit.
/// </summary>
public sealed record UpdateRefRequest(string Sha, bool? Force = null);
