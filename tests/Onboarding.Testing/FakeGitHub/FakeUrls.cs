namespace Onboarding.Testing.FakeGitHub;

/// <summary>The fake's own addresses, as GitHub Enterprise Server lays them out (API under /api/v3).</summary>
public sealed record FakeUrls(string Web)
{
    public string Api => $"{Web}/api/v3";
}
