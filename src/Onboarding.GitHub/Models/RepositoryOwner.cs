namespace Onboarding.GitHub.Models;

public sealed record RepositoryOwner(string Login);
