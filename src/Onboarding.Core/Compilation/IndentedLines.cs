namespace Onboarding.Core.Compilation;

/// <summary>Multi-line text (JSON) nested in another format: every line indented, each ending with LF.</summary>
internal static class IndentedLines
{
    /// <param name="indentFirst">False when the first line continues a line already written (a key's value).</param>
    public static void Write(PooledBufferWriter buffer, ReadOnlySpan<byte> text, ReadOnlySpan<byte> indent, bool indentFirst = true)
    {
        var lines = text.TrimEnd((byte)'\n');
        var first = true;
        while (lines.Length > 0)
        {
            var end = lines.IndexOf((byte)'\n');
            if (indentFirst || !first)
            {
                buffer.Write(indent);
            }

            buffer.Write(end < 0 ? lines : lines[..end]);
            buffer.Write("\n"u8);
            lines = end < 0 ? [] : lines[(end + 1)..];
            first = false;
        }
    }
}
