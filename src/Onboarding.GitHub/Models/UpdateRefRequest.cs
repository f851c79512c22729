namespace Onboarding.GitHub.Models;

/// <summary>Never carries <c>force</c>: without it GitHub moves the ref only forward, which makes the update a compare-and-swap.</summary>
internal sealed record UpdateRefRequest(string Sha);
