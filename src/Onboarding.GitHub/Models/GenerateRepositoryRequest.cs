namespace Onboarding.GitHub.Models;

public sealed record GenerateRepositoryRequest(string Owner, string Name, bool Private, string? Description);
