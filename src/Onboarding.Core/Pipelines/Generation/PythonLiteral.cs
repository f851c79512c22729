using System.Globalization;
using System.Text;

namespace Onboarding.Core.Pipelines.Generation;

/// <summary>
/// Python literals from untrusted text. A string is always double-quoted and everything outside
/// printable ASCII, the quote and the backslash is escaped, so no value can end the literal, start
/// a new line of code or hide characters from a reviewer.
/// </summary>
public static class PythonLiteral
{
    public static string Text(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case >= ' ' and < (char)0x7F:
                    builder.Append(c);
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

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Text)) + "]";
}
