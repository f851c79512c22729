using System.Text.RegularExpressions;
using Markdig;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>
/// SECURITY.md "Untrusted text": hostile strings in an issue body reach the parsed values verbatim (nothing is
/// executed, nothing is lost), and a problem comment quoting them cannot mention, embed HTML or images, or start
/// a workflow-command line.
/// </summary>
public partial class UntrustedIssueTextSpecs
{
    private static readonly IssueFormTemplate Form = IssueFormTemplate.Parse(
        """
        body:
          - type: input
            id: title
            attributes: { label: Title }
          - type: textarea
            id: details
            attributes: { label: Details }
          - type: dropdown
            id: env
            attributes: { label: Environment, options: [dev, prod] }
        """,
        "form.yml");

    public static TheoryData<string> HostileTexts => new()
    {
        "a\"; touch /tmp/pwned; echo \"",
        "$(touch /tmp/pwned2)",
        "`id`",
        "::add-mask::Onboarding",
        "::error file=action.yml,line=1::fake",
        "::stop-commands::x",
        "alpha\nadmins: [mallory]",
        "@org/everyone please look",
        "<img src=https://evil/x>",
        "```\n@org/everyone\n``` <script>alert(1)</script> ![x](https://evil/y.png)",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_arrives_verbatim_in_parsed_values(string hostile)
    {
        var single = hostile.Replace("\n", " ", StringComparison.Ordinal);
        var body = $"### Title\r\n\r\n{single}\r\n\r\n### Details\r\n\r\n{hostile}";

        var result = IssueFormParser.Parse(Form, body);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(single, result.GetText("title"));
        Assert.Equal(hostile, result.GetText("details"));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_arrives_verbatim_in_parse_issue_json(string hostile)
    {
        var body = $"### Details\n\n{hostile}";

        var outcome = ParseIssue.Run("body:\n  - type: textarea\n    id: details\n    attributes: { label: Details }\n", "form.yml", body, "body.md");

        using var json = System.Text.Json.JsonDocument.Parse(outcome.Json!);
        Assert.Equal(hostile, json.RootElement.GetProperty("details").GetString());
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_problem_comment_quoting_hostile_text_neutralises_it(string hostile)
    {
        var body = LineEndings.Convert($"### Title\n\nok\n\n### Environment\n\n{hostile}", "\r\n");
        var problems = IssueFormParser.Parse(Form, body).Problems;

        var markdown = IssueFormProblemMarkdown.Render(problems, "onboard:problems");

        Assert.Equal(IssueFormProblemCodes.UnknownDropdownOption, Assert.Single(problems).Code);
        AssertNeutral(markdown);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void A_problem_comment_neutralises_hostile_text_in_every_part_of_a_problem(string hostile)
    {
        var problem = new IssueFormProblem("CODE", hostile, hostile, hostile) { Quoted = hostile };

        var markdown = IssueFormProblemMarkdown.Render([problem], "onboard:problems");

        AssertNeutral(markdown);
    }

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a `tick` here", "``a `tick` here``")]
    [InlineData("``double``", "``` ``double`` ```")]
    [InlineData("`edge", "`` `edge ``")]
    [InlineData("two\r\nlines", "`two  lines`")]
    public void Quoted_text_becomes_one_code_span_that_shows_it_literally(string text, string expected)
    {
        Assert.Equal(expected, UntrustedMarkdown.CodeSpan(text));
    }

    [Fact]
    public void Quoted_text_is_cut_to_a_readable_length()
    {
        var span = UntrustedMarkdown.CodeSpan(new string('a', 10_000));

        Assert.True(span.Length < 250, $"span of {span.Length} characters");
        Assert.EndsWith("…`", span, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comment_starts_with_the_hidden_marker_and_lists_one_bullet_per_problem_with_the_label_in_bold()
    {
        var problems = IssueFormParser.Parse(Form, "### Title\n\nok\n\n### Environment\n\nstaging\n\n### Title\n\nagain").Problems;

        var markdown = IssueFormProblemMarkdown.Render(problems, "onboard:issue-problems");

        var lines = markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("<!-- onboard:issue-problems -->", lines[0]);
        Assert.Equal(
            ["- **Title** is given 2 times (lines 1, 9); edit the issue and keep only one of these sections",
             "- **Environment** has a value that is not one of its options: `staging`; write exactly one of 'dev', 'prod'"],
            lines.Where(line => line.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a -- b")]
    [InlineData("a --> b")]
    [InlineData("two\nlines")]
    [InlineData(" ")]
    public void A_marker_that_would_break_out_of_the_hidden_comment_is_refused(string marker)
    {
        Assert.ThrowsAny<ArgumentException>(() => IssueFormProblemMarkdown.Render([], marker));
    }

    // The GitHub Flavored Markdown extensions; Markdig's others (math, custom containers) are not GitHub's.
    private static readonly MarkdownPipeline GitHubLikePipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UsePipeTables().UseEmphasisExtras().UseTaskLists().Build();

    private static void AssertNeutral(string markdown)
    {
        Assert.DoesNotMatch(LiveMention(), markdown);
        Assert.All(markdown.Split('\n'), line => Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), $"workflow command line: {line}"));
        var html = Markdown.ToHtml(markdown, GitHubLikePipeline);
        var withoutMarker = html.Replace("<!-- onboard:problems -->", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotMatch(RawHtmlTag(), withoutMarker);
    }

    // GitHub links '@name' and '@org/team'; a zero-width space after '@' breaks that.
    [GeneratedRegex("@[A-Za-z0-9]")]
    private static partial Regex LiveMention();

    // Markdig emits only these tags for the comment's own Markdown; anything else came from the quoted text.
    [GeneratedRegex("<(?!/?(p|ul|li|strong|code|em)>)[a-zA-Z!/]")]
    private static partial Regex RawHtmlTag();
}
