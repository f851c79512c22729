namespace Onboarding.Core.IssueForms;

/// <summary>
/// The one neutraliser of user text in what the tool writes for GitHub to render (comments, pull request bodies,
/// job summaries, the catalog): on one line, it cannot mention anyone, reference an issue (<c>#123</c>,
/// <c>GH-123</c>) or a commit (a 40-hex SHA), become a link (a bare URL or e-mail address), embed HTML or images,
/// reorder or hide text (bidirectional and invisible characters show as <c>\uXXXX</c>), or begin a line (so a log
/// showing it never sees a workflow command). GitHub links none of these inside a code span, and a code span
/// copies as the plain text, so live tokens are quoted as code rather than broken up.
/// </summary>
public static partial class UntrustedMarkdown
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
        var flat = Flatten(text, maxChars, breakMentions: true);
        if (inTableCell)
        {
            flat = flat.Replace("|", "\\|", StringComparison.Ordinal);
        }

        return Fenced(flat);
    }

    private static string Fenced(string flat)
    {
        if (flat.Trim().Length == 0)
        {
            return "*(blank)*";
        }

        var fence = new string('`', LongestBacktickRun(flat) + 1);

        // CommonMark strips one space from each end of a code span, which also lets a span start or end with a backtick.
        var pad = flat[0] == '`' || flat[^1] == '`' || (flat[0] == ' ' && flat[^1] == ' ') ? " " : string.Empty;
        return fence + pad + flat + pad + fence;
    }

    /// <summary>
    /// Escapes text so that Markdown shows it literally, on one line; mentions, references, SHAs, URLs and e-mail
    /// addresses in it become code spans, which GitHub never links.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Most values (names, refs, folders) need no change; the catalog escapes tens of thousands.
        if (IsInert(text) || (!text.AsSpan().ContainsAnyExcept(PlainText) && !LiveToken().IsMatch(text)))
        {
            return text;
        }

        var flat = Flatten(text, int.MaxValue, breakMentions: false);
        var builder = new StringBuilder(flat.Length + 16);
        var done = 0;
        foreach (var token in LiveToken().EnumerateMatches(flat))
        {
            AppendEscaped(builder, flat.AsSpan(done, token.Index - done));
            var live = flat.AsSpan(token.Index, token.Length);

            // The token holds no backtick, '|' or whitespace (the pattern stops there), so one backtick fences it.
            builder.Append('`').Append(live[0] == '@' ? MentionBreaker + live[1..].ToString() : live).Append('`');
            done = token.Index + token.Length;
        }

        AppendEscaped(builder, flat.AsSpan(done));
        return builder.ToString();
    }

    /// <summary>
    /// An e-mail address as inert code that copies exactly (no character inserted): GitHub links neither a
    /// mention nor a <c>mailto:</c> inside a code span. Safe in a table cell.
    /// </summary>
    public static string Email(string address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // Printable ASCII without a backtick or '|', short enough to stay whole: the span is the address between two backticks.
        if (address.Length is > 0 and <= MaxQuotedChars && !address.AsSpan().ContainsAnyExcept(PlainCodeSpan))
        {
            return $"`{address}`";
        }

        var flat = Flatten(address, MaxQuotedChars, breakMentions: false).Replace("|", "\\|", StringComparison.Ordinal);
        return Fenced(flat);
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '#' or '|' or '~' or '&')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }

    /// <summary>
    /// Line breaks and other control characters become spaces; bidirectional, invisible and unpaired surrogate
    /// characters show as <c>\uXXXX</c>; with <paramref name="breakMentions"/>, every '@' loses its power to mention.
    /// </summary>
    private static string Flatten(string text, int maxChars, bool breakMentions)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxChars) + 8);
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (count++ == maxChars)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else if (c == '@' && breakMentions)
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

    /// <summary>
    /// What GitHub turns into a link or a notification in rendered text: a URL (with or without scheme), an
    /// e-mail address, a mention, an issue reference (<c>#12</c>, <c>GH-12</c>, <c>owner/repo#12</c>'s tail) and a
    /// full commit SHA. A match never holds whitespace, a backtick or '|', and a URL ends before trailing punctuation, as GitHub's do.
    /// </summary>
    [GeneratedRegex(@"(?:(?:https?|ftp)://|www\.|mailto:)[^\s`|<>""]*[^\s`|<>"".,:;!?*_~'()]|[A-Za-z0-9.!#$%&'*+/=?^_{}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|@[A-Za-z0-9][A-Za-z0-9_/-]*|#[0-9]+|\bGH-[0-9]+|\b[0-9a-f]{40}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex LiveToken();

    /// <summary>
    /// True when <see cref="Escape"/> leaves the text as it is without needing the pattern: plain characters only, and
    /// nothing that could start a live token.
    /// </summary>
    internal static bool IsInert(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(PlainText) && !MayHoldLiveToken(text);

    /// <summary>
    /// False when text made only of <see cref="PlainText"/> cannot hold a <see cref="LiveToken"/>: plain text has no
    /// '@' or '#', so only a URL (its "://", "mailto:" or "www."), a "GH-" reference or a run of 40 hex digits could
    /// start one. It spares the regex the names, refs and folders a catalog holds by the ten thousand.
    /// </summary>
    internal static bool MayHoldLiveToken(ReadOnlySpan<char> plain)
    {
        if (plain.Contains(':') || Follows(plain, '.', "www") || Follows(plain, '-', "gh"))
        {
            return true;
        }

        // Runs of hex digits, found a vector at a time; text shorter than a SHA has none worth a look.
        var rest = plain;
        while (rest.Length >= ShaLength)
        {
            var start = rest.IndexOfAny(HexDigits);
            if (start < 0)
            {
                return false;
            }

            rest = rest[start..];
            var run = rest.IndexOfAnyExcept(HexDigits);
            if (run < 0 ? rest.Length >= ShaLength : run >= ShaLength)
            {
                return true;
            }

            rest = run < 0 ? [] : rest[run..];
        }

        return false;
    }

    private const int ShaLength = 40;

    /// <summary>
    /// Whether <paramref name="mark"/> appears right after <paramref name="lowercase"/> in any letter case. Plain text is
    /// ASCII, so its letters compare by one bit; the ordinal ignore-case search would take the slow culture-free path.
    /// </summary>
    private static bool Follows(ReadOnlySpan<char> plain, char mark, string lowercase)
    {
        var offset = 0;
        int at;
        while ((at = plain[offset..].IndexOf(mark)) >= 0)
        {
            at += offset;
            if (at >= lowercase.Length && AsciiLettersEqual(plain.Slice(at - lowercase.Length, lowercase.Length), lowercase))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    private static bool AsciiLettersEqual(ReadOnlySpan<char> text, string lowercase)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] | 0x20) != lowercase[i])
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Characters a code span holds as they are, when they are neither first nor last: printable ASCII except the backtick and '|'.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainCodeSpan =
        System.Buffers.SearchValues.Create([.. Enumerable.Range('!', '~' - '!' + 1).Select(c => (char)c).Where(c => c is not '`' and not '|')]);

    /// <summary>Characters <see cref="Escape"/> leaves exactly as they are.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainText =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./:,;=+()'\"?%$^{}");
}
