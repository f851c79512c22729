namespace Onboarding.GitHub.Models;

public sealed record CreateRepositoryRequest(string Name, string Visibility, bool AutoInit, string? Description);
