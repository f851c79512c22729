namespace Onboarding.Testing.FakeGitHub;

public sealed record FakeLabel(long Id, string Name, string Color);
