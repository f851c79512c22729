namespace Onboarding.Core.Compilation;

/// <summary>
/// Finds the lines git writes into a file it could not merge. No compiled output ever starts a line
/// with them (JSON and YAML lines are indented or bracketed, catalog rows start with '|'), so one is
/// proof of a textual merge, not a coincidence.
/// </summary>
public static class ConflictMarkers
{
    /// <summary>The 1-based line of the first marker, or null when the content has none.</summary>
    public static int? FirstLine(ReadOnlySpan<byte> content)
    {
        var number = 0;
        while (!content.IsEmpty)
        {
            number++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            if (IsMarker(line.TrimEnd((byte)'\r')))
            {
                return number;
            }

            content = end < 0 ? [] : content[(end + 1)..];
        }

        return null;
    }

    private static bool IsMarker(ReadOnlySpan<byte> line) =>
        line.StartsWith("<<<<<<< "u8)
        || line.StartsWith(">>>>>>> "u8)
        || line.StartsWith("||||||| "u8)
        || line.SequenceEqual("======="u8);
}
