namespace Onboarding.Core.Sources;

/// <summary>Text of a file named on the command line: UTF-8, a leading byte-order mark dropped.</summary>
public static class InputText
{
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
}
