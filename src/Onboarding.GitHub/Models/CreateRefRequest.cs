namespace Onboarding.GitHub.Models;

internal sealed record CreateRefRequest(string Ref, string Sha);
