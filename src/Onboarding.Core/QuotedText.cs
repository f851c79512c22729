namespace Onboarding.Core;

/// <summary>
/// Untrusted text as one double-quoted literal with backslash escapes, the form Python, C# and
/// shell readers share: no value can end the literal, start a line of its own, or hide characters
/// (controls, bidi overrides, zero-width marks) from whoever reads it.
/// </summary>
public static class QuotedText
{
    /// <param name="value">The text, verbatim.</param>
    /// <param name="asciiOnly">
    /// Escape everything outside printable ASCII (generated code); otherwise printable letters of
    /// any script stay as they are and only invisible or line-breaking characters are escaped.
    /// </param>
    /// <param name="maxChars">Characters shown before the value is cut with an ellipsis.</param>
    public static string Quote(string value, bool asciiOnly, int maxChars = int.MaxValue)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxChars) + 8);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            if (i >= maxChars)
            {
                builder.Append('…');
                break;
            }

            var c = value[i];
            switch (c)
            {
                case '"' or '\\' or '\n' or '\t' or '\r':
                    builder.Append('\\').Append(c switch { '\n' => 'n', '\t' => 't', '\r' => 'r', _ => c });
                    break;
                case >= ' ' and < (char)0x7F:
                    builder.Append(c);
                    break;
                case var _ when !asciiOnly && IsVisible(value, i):
                    builder.Append(c);
                    if (char.IsHighSurrogate(c))
                    {
                        builder.Append(value[++i]);
                    }

                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, value[++i]):x8}");
                    }
                    else
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsVisible(string value, int index) =>
        char.GetUnicodeCategory(value, index) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
}
