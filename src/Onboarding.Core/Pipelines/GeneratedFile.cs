namespace Onboarding.Core.Pipelines;

/// <summary>A file the pipeline compiler produces, with the pipeline file it came from (null for the manifest and schema).</summary>
public sealed record GeneratedFile(string Path, byte[] Content, string? Source);
