namespace Onboarding.GitHub.Models;

internal sealed record CreateRepositoryRequest(string Name, string Visibility, bool AutoInit, string? Description);
