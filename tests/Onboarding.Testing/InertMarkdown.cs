using System.Text.RegularExpressions;
using Markdig;
using Xunit;

namespace Onboarding.Testing;

/// <summary>
/// Checks Markdown the tool writes for GitHub as GitHub would render it: outside code (where GitHub links
/// nothing), none of the given live tokens may appear, no link may lead where user text pointed, and no
/// bidirectional or invisible character may appear anywhere (the zero-width space the tool puts after an '@'
/// inside code to break a mention excepted).
/// </summary>
public static partial class InertMarkdown
{
    /// <summary>Text holding one of everything GitHub makes live or that hides text: references, mentions, links, a SHA, an e-mail address, bidirectional and invisible characters.</summary>
    public const string LiveText =
        "see GH-4242, #4242 and acme/other#4242, ask @org/everyone, open https://evil.example/x or www.evil.example/y, " +
        "commit 0123456789abcdef0123456789abcdef01234567, write mallory@evil.example \u202Eevil\u2066x\u2069\u200Bz\u200C\u200D\uFEFF\u202A\u202B\u202C\u202D\u2067\u2068";

    /// <summary>What <see cref="LiveText"/> would make live if it reached GitHub unneutralised.</summary>
    public static readonly IReadOnlyList<string> LiveTokens = ["GH-4242", "#4242", "@org", "evil.example", "0123456789abcdef0123456789abcdef01234567"];

    // The GitHub Flavored Markdown extensions; Markdig's others (math, custom containers) are not GitHub's.
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder()
        .UseAutoLinks().UsePipeTables().UseEmphasisExtras().UseTaskLists().Build();

    public static string Html(string markdown) => Markdown.ToHtml(markdown, GitHubLike);

    /// <summary>The text GitHub would scan for mentions, references and links: the rendered HTML without code elements.</summary>
    public static string OutsideCode(string markdown) => CodeElement().Replace(Html(markdown), "<code/>");

    public static void AssertInert(string markdown, IEnumerable<string> liveTokens, string hostileHost = "evil.example")
    {
        ArgumentNullException.ThrowIfNull(liveTokens);
        var outside = OutsideCode(markdown);
        Assert.All(liveTokens, token => Assert.DoesNotContain(token, outside, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("href=\"" + "http://" + hostileHost, outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"" + "https://" + hostileHost, outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"http://www." + hostileHost, outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"mailto:", outside, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(Invisible(), markdown.Replace("@\u200B", "@", StringComparison.Ordinal));
    }

    [GeneratedRegex("<code>.*?</code>", RegexOptions.Singleline)]
    private static partial Regex CodeElement();

    [GeneratedRegex("[\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]")]
    private static partial Regex Invisible();
}
