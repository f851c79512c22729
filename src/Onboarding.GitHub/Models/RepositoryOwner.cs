namespace Onboarding.GitHub.Models;

internal sealed record RepositoryOwner(string Login);
