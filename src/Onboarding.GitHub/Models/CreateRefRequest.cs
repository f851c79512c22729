namespace Onboarding.GitHub.Models;

public sealed record CreateRefRequest(string Ref, string Sha);
