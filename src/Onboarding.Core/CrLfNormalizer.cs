namespace Onboarding.Core;

/// <summary>
/// A checkout with <c>core.autocrlf=true</c> (Git for Windows' default) turns LF into CRLF in text files.
/// Sources and compiled artifacts are compared and hashed as if every CRLF were LF, so such a checkout
/// reads as the same content and a compile there rewrites nothing.
/// </summary>
public static class CrLfNormalizer
{
    public static bool HasCrLf(ReadOnlySpan<byte> bytes) => bytes.IndexOf("\r\n"u8) >= 0;

    /// <summary>The bytes with every CRLF turned into LF (the same array when there is none).</summary>
    public static ReadOnlySpan<byte> ToLf(ReadOnlySpan<byte> bytes)
    {
        if (!HasCrLf(bytes))
        {
            return bytes;
        }

        var result = new byte[bytes.Length];
        var length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || i + 1 >= bytes.Length || bytes[i + 1] != '\n')
            {
                result[length++] = bytes[i];
            }
        }

        return result.AsSpan(0, length);
    }
}
