using System.Text;

namespace Onboarding.Core.IssueForms;

/// <summary>
/// Makes text safe to place inside a bot comment on one line of Markdown: it cannot mention anyone, embed
/// HTML or images, or begin a line (so a log showing the comment never sees a workflow command).
/// </summary>
public static class UntrustedMarkdown
{
    public const int MaxQuotedChars = 200;

    // A zero-width space after '@' keeps the text readable while GitHub no longer sees a mention.
    private const string MentionBreaker = "@\u200B";

    /// <summary>Quotes user text as an inline code span, on one line, cut to <see cref="MaxQuotedChars"/>.</summary>
    public static string CodeSpan(string text) => CodeSpan(text, MaxQuotedChars, inTableCell: false);

    /// <summary>
    /// Quotes text whole as an inline code span that is also safe in a table cell (a job summary's tables and
    /// lists): its '|' cannot end the cell.
    /// </summary>
    public static string Code(string text) => CodeSpan(text, int.MaxValue, inTableCell: true);

    private static string CodeSpan(string text, int maxChars, bool inTableCell)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = Flatten(text, maxChars);
        if (inTableCell)
        {
            flat = flat.Replace("|", "\\|", StringComparison.Ordinal);
        }

        if (flat.Trim().Length == 0)
        {
            return "*(blank)*";
        }

        var fence = new string('`', LongestBacktickRun(flat) + 1);

        // CommonMark strips one space from each end of a code span, which also lets a span start or end with a backtick.
        var pad = flat[0] == '`' || flat[^1] == '`' || (flat[0] == ' ' && flat[^1] == ' ') ? " " : string.Empty;
        return fence + pad + flat + pad + fence;
    }

    /// <summary>Escapes text so that Markdown shows it literally, on one line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Most values (names, refs, folders) need no change; the catalog escapes tens of thousands.
        if (!text.AsSpan().ContainsAnyExcept(PlainText))
        {
            return text;
        }

        var flat = Flatten(text, int.MaxValue);
        var builder = new StringBuilder(flat.Length + 16);
        foreach (var c in flat)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '#' or '|' or '~' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Line breaks and other control characters become spaces; every '@' loses its power to mention.</summary>
    private static string Flatten(string text, int maxChars)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars) + 8);
        var count = 0;
        foreach (var c in text)
        {
            if (count++ == maxChars)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (c == '@')
            {
                builder.Append(MentionBreaker);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    /// <summary>Characters <see cref="Escape"/> leaves exactly as they are.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainText =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./:,;=+()'\"?%$^{}");
}
