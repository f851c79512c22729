namespace Onboarding.Cli.Output;

internal static class MarkdownText
{
    /// <summary>
    /// A value shown in Markdown as inline code, fenced with more backticks than it contains, with
    /// line breaks flattened: no HTML, link, image or mention in it is ever live.
    /// </summary>
    public static string Code(string value)
    {
        var flat = value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        return flat.Length > 0 && (flat[0] == '`' || flat[^1] == '`') ? $"{fence} {flat} {fence}" : $"{fence}{flat}{fence}";
    }
}
