namespace Onboarding.GitHub.Models;

internal sealed record UserRef(string Login);
