namespace Onboarding.Core.Pipelines.Generation;

/// <summary>
/// Python literals from untrusted text. A string is always double-quoted and everything outside
/// printable ASCII, the quote and the backslash is escaped, so no value can end the literal, start
/// a new line of code or hide characters from a reviewer.
/// </summary>
public static class PythonLiteral
{
    public static string Text(string value) => QuotedText.Quote(value, asciiOnly: true);

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Text)) + "]";
}
