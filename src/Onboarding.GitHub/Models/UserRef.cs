namespace Onboarding.GitHub.Models;

public sealed record UserRef(string Login);
