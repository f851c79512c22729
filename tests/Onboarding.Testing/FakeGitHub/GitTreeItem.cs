namespace Onboarding.Testing.FakeGitHub;

public sealed record GitTreeItem(string Mode, string Type, string Name, string Sha);
