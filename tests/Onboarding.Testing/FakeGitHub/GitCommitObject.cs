namespace Onboarding.Testing.FakeGitHub;

public sealed record GitCommitObject(string Sha, string Tree, IReadOnlyList<string> Parents, string Message, GitSignature Author);
