namespace Onboarding.Core;

/// <summary>
/// Text files as the tool reads them: strict UTF-8 with an optional byte-order mark dropped. A file that is
/// not UTF-8 is reported at its first bad byte (line, byte of the line and offset), never read with guesses.
/// </summary>
public static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null after reporting <paramref name="code"/> at the first byte that is not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, string code, DiagnosticBag diagnostics)
    {
        try
        {
            return Strict.GetString(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            var (offset, line, column) = FirstInvalid(bytes);
            diagnostics.Error(code, new SourceLocation(file, line, column),
                $"file is not valid UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} (line {line}, byte {column} of the line) is not part of a UTF-8 character",
                "save it as UTF-8");
            return null;
        }
    }

    private static (int Offset, int Line, int Column) FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        offset = Math.Min(offset, bytes.Length - 1);
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var column = offset - (before.LastIndexOf((byte)'\n') + 1) + 1;
        return (offset, line, column);
    }
}
