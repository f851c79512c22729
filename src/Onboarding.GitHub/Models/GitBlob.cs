namespace Onboarding.GitHub.Models;

/// <summary>A blob as GitHub sends it: <see cref="Content"/> in <see cref="Encoding"/> (base64, with line breaks).</summary>
public sealed record GitBlob(string Sha, string Content, string Encoding, long? Size);
