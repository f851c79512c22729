namespace Onboarding.Core.Diagnostics;

/// <summary>
/// Shows untrusted text inside messages: control, format and non-ASCII characters become
/// <c>\uXXXX</c> (an RTL override or zero-width space must not reorder or hide what the reader
/// sees), and long values are cut.
/// </summary>
public static class Display
{
    public static string Quote(string value, int max = 80)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('\'');
        var shown = 0;
        foreach (var c in value)
        {
            if (shown++ >= max)
            {
                builder.Append('…');
                break;
            }

            if (c is >= ' ' and < (char)0x7F)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>Describes the first non-ASCII character of a value, or null when it is all ASCII.</summary>
    public static string? FirstNonAscii(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] >= 0x80)
            {
                return $"U+{(int)value[i]:X4} at position {i + 1}";
            }
        }

        return null;
    }
}
