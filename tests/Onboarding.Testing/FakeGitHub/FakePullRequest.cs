namespace Onboarding.Testing.FakeGitHub;

/// <summary>What makes an issue a pull request: where it comes from and where it goes.</summary>
public sealed record FakePullRequest(long PullId, string HeadOwner, string HeadRef, string BaseRef);
