namespace Onboarding.Cli.Output;

/// <summary>
/// Makes one printed line harmless to whoever reads it: a terminal (control characters and ANSI escapes could
/// move the cursor, recolour or erase what was printed; bidirectional and invisible characters reorder or hide
/// text) and a GitHub Actions runner (a line starting with <c>::</c>, or holding the legacy <c>##[</c> form, would
/// be executed as a workflow command). Such characters are shown as <c>\uXXXX</c>, the form the tool's messages
/// and JSON already use, so a JSON document stays the same document.
/// </summary>
internal static class ConsoleText
{
    /// <summary>A line of text that did not come from the tool: escaped, and under Actions never a workflow command.</summary>
    public static string Neutralise(string line, bool inGitHubActions)
    {
        var text = EscapeInvisible(line);
        if (!inGitHubActions)
        {
            return text;
        }

        if (text.TrimStart().StartsWith("::", StringComparison.Ordinal))
        {
            text = " " + text.Replace("::", ":\u200B:", StringComparison.Ordinal);
        }

        return text.Replace("##[", "##\\u005B", StringComparison.Ordinal);
    }

    /// <summary>Control, format (bidirectional, zero-width), line-separator and unpaired surrogate characters as <c>\uXXXX</c>; tabs stay.</summary>
    public static string EscapeInvisible(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var first = FirstToEscape(line, 0);
        if (first < 0)
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 16);
        builder.Append(line, 0, first);
        for (var i = first; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                builder.Append(c).Append(line[++i]);
            }
            else if (MustEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The text on one line: line breaks in a value become <c>\n</c> and <c>\r</c>, visibly.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny('\r', '\n') < 0
            ? text
            : text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static int FirstToEscape(string line, int start)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];

            // Printable ASCII is all most lines hold.
            if (c is >= ' ' and < (char)0x7F or '\t')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++;
                continue;
            }

            if (MustEscape(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MustEscape(char c) => c != '\t' && (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
