namespace Onboarding.Core.Compilation;

/// <summary>
/// Finds the lines git writes into a file it could not merge. No compiled output ever starts a line
/// with them (JSON and YAML lines are indented or bracketed, catalog rows start with '|'), so one is
/// proof of a textual merge, not a coincidence.
/// </summary>
internal static class ConflictMarkers
{
    /// <summary>The 1-based line of the first marker, or null when the file has none.</summary>
    public static int? FirstLine(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var reader = new StreamReader(path);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (IsMarker(line))
            {
                return number;
            }
        }

        return null;
    }

    private static bool IsMarker(string line) =>
        line.StartsWith("<<<<<<< ", StringComparison.Ordinal)
        || line.StartsWith(">>>>>>> ", StringComparison.Ordinal)
        || line.StartsWith("||||||| ", StringComparison.Ordinal)
        || line == "=======";
}
