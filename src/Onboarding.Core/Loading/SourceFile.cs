namespace Onboarding.Core.Loading;

/// <summary>An input file as read, with the SHA-256 recorded in the manifest.</summary>
public sealed record SourceFile(string Path, string Sha256);
