using System.Diagnostics;
using System.Text;
using Onboarding.Core.IssueForms;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>Anyone who can open an issue controls its body: the largest body GitHub accepts parses in milliseconds.</summary>
public class HostileIssueBodySpecs
{
    private const int GitHubMaxBody = 65_536;

    private static readonly IssueFormTemplate Form = IssueFormTemplate.Parse(
        """
        body:
          - type: input
            id: name
            attributes: { label: Name }
            validations: { required: true }
          - type: textarea
            id: notes
            attributes: { label: Notes }
          - type: dropdown
            id: tags
            attributes: { label: Tags, multiple: true, options: [a, "a, a", "a, a, a", b] }
          - type: checkboxes
            id: terms
            attributes:
              label: Terms
              options:
                - label: I agree
        """,
        "form.yml");

    public static TheoryData<string> Shapes => new()
    {
        "nested quotes",
        "nested mixed containers",
        "nested ordered lists",
        "nested lists",
        "brackets",
        "emphasis",
        "backticks",
        "unclosed fences",
        "repeated headings",
        "near-option dropdown",
        "checkbox lines",
        "one long line",
        "html",
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_64_KiB_hostile_body_is_parsed_in_milliseconds(string shape)
    {
        var body = Build(shape);
        Assert.InRange(body.Length, GitHubMaxBody - 1000, GitHubMaxBody);
        IssueFormParser.Parse(Form, body);

        var clock = Stopwatch.StartNew();
        var result = IssueFormParser.Parse(Form, body);
        clock.Stop();

        // Typically well under 100 ms; the bound leaves room for a busy CI machine while still catching any
        // super-linear blow-up, which on 64 KiB takes seconds to minutes.
        Assert.True(clock.ElapsedMilliseconds < 1000, $"{shape}: {clock.ElapsedMilliseconds} ms");
        Assert.All(result.Problems, problem => Assert.False(string.IsNullOrWhiteSpace(problem.Text)));
    }

    [Theory]
    [InlineData("nested quotes")]
    [InlineData("nested mixed containers")]
    [InlineData("nested lists")]
    public void A_body_nesting_quotes_or_lists_beyond_reason_is_one_clear_problem(string shape)
    {
        var result = IssueFormParser.Parse(Form, Build(shape));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.BodyTooDeep, problem.Code);
        Assert.Contains("remove the deep nesting", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkbox_field_full_of_pasted_text_gives_a_short_list_of_problems()
    {
        var body = "### Name\n\nx\n\n### Terms\n\n" + string.Join("\n", Enumerable.Range(1, 1000).Select(i => $"line {i}"));

        var result = IssueFormParser.Parse(Form, body);

        Assert.Equal(6, result.Problems.Count);
        Assert.Equal("line 1", result.Problems[0].Quoted);
        Assert.Contains("has 995 more lines", result.Problems[5].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_and_lists_nested_as_deep_as_people_write_them_are_read()
    {
        var body = "### Name\n\nx\n\n### Notes\n\n" + string.Concat(Enumerable.Repeat("> - ", 20)) + "deep";

        var result = IssueFormParser.Parse(Form, body);

        Assert.True(result.IsValid);
        Assert.EndsWith("deep", result.GetText("notes"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_longer_than_anything_GitHub_accepts_is_one_clear_problem()
    {
        var body = "### Name\n\n" + new string('x', IssueFormParser.MaxBodyChars);

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.BodyTooLong, problem.Code);
        Assert.Contains("shorten it", problem.Hint, StringComparison.Ordinal);
    }

    private static string Build(string shape)
    {
        var prefix = "### Name\n\nx\n\n";
        var builder = new StringBuilder(prefix);
        void Fill(string unit, string section = "### Notes\n\n")
        {
            builder.Append(section);
            while (builder.Length + unit.Length <= GitHubMaxBody)
            {
                builder.Append(unit);
            }
        }

        switch (shape)
        {
            case "nested quotes": Fill(">"); break;
            case "nested mixed containers": Fill("* > - "); break;
            case "nested ordered lists": Fill("1. "); break;
            case "nested lists":
                builder.Append("### Notes\n\n");
                for (var depth = 0; builder.Length + (2 * depth) + 4 <= GitHubMaxBody; depth++)
                {
                    builder.Append(' ', 2 * depth).Append("- x\n");
                }

                break;
            case "brackets": Fill("[!["); break;
            case "emphasis": Fill("*_"); break;
            case "backticks": Fill("`a``"); break;
            case "unclosed fences": Fill("```\n~~~\n"); break;
            case "repeated headings": Fill("### Name\n\n", string.Empty); break;
            case "near-option dropdown": Fill("a, ", "### Tags\n\n"); break;
            case "checkbox lines": Fill("- [x] I agree\n- [ ] \n", "### Terms\n\n"); break;
            case "one long line": Fill("word "); break;
            case "html": Fill("<div><!-- <![CDATA[ "); break;
            default: throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }

        return builder.ToString();
    }
}
