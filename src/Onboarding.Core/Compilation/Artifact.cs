namespace Onboarding.Core.Compilation;

/// <summary>
/// One output file: path relative to the platform root ('/'-separated) and its exact bytes.
/// <see cref="Environment"/> is set on an environment's bundle list (the file the diff reads).
/// The bytes may live in a pooled buffer that is reused once the consumer moves to the next artifact.
/// </summary>
public sealed record Artifact(string Path, ReadOnlyMemory<byte> Content, string? Environment);
