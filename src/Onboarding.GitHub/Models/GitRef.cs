namespace Onboarding.GitHub.Models;

internal sealed record GitRef(string Ref, GitRefTarget Object);
