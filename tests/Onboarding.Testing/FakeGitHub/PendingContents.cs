namespace Onboarding.Testing.FakeGitHub;

/// <summary>Template files that appear in a generated repository after some requests or some time, as GitHub copies them asynchronously.</summary>
internal sealed record PendingContents(IReadOnlyDictionary<string, byte[]> Files, int RequestsLeft, DateTimeOffset ReadyAt);
