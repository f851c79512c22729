namespace Onboarding.Core.Pipelines;

/// <summary>CRLF and LF copies of a file are the same content: a clone with core.autocrlf=true must pass the check.</summary>
public static class LineEndings
{
    public static byte[] ToLf(byte[] bytes)
    {
        if (bytes.AsSpan().IndexOf((byte)'\r') < 0)
        {
            return bytes;
        }

        var result = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '\r' || i + 1 >= bytes.Length || bytes[i + 1] != '\n')
            {
                result.Add(bytes[i]);
            }
        }

        return [.. result];
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ToLf(bytes)));
}
