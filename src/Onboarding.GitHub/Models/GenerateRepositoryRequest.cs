namespace Onboarding.GitHub.Models;

internal sealed record GenerateRepositoryRequest(string Owner, string Name, bool Private, string? Description);
