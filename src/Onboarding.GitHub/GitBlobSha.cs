using System.Security.Cryptography;
using System.Text;

namespace Onboarding.GitHub;

/// <summary>
/// The SHA-1 git gives a file's content. Comparing it with the SHAs of a listed tree tells whether a
/// branch already holds the wanted files, without writing anything to GitHub.
/// </summary>
internal static class GitBlobSha
{
    public static string Of(string content) => Of(Encoding.UTF8.GetBytes(content));

    public static string Of(byte[] content)
    {
        byte[] header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
#pragma warning disable CA5350 // git names objects by SHA-1; this is identity, not security.
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
#pragma warning restore CA5350
    }
}
