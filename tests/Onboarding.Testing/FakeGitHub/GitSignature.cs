namespace Onboarding.Testing.FakeGitHub;

public sealed record GitSignature(string Name, string Email, DateTimeOffset Date)
{
    public string ToGit() => $"{Name} <{Email}> {Date.ToUnixTimeSeconds()} +0000";
}
