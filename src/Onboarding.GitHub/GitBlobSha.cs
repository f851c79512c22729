using System.Security.Cryptography;

namespace Onboarding.GitHub;

/// <summary>
/// The SHA-1 git gives a file's content. Comparing it with the SHAs of a listed tree tells whether a
/// branch already holds the wanted files, without writing anything to GitHub.
/// </summary>
public static class GitBlobSha
{
    public static string Of(string content) => Of(Encoding.UTF8.GetBytes(content));

    public static string Of(byte[] content) => Of(content.AsSpan());

    public static string Of(ReadOnlySpan<byte> content)
    {
#pragma warning disable CA5350 // git names objects by SHA-1; this is identity, not security.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length}\0"));
        hash.AppendData(content);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
