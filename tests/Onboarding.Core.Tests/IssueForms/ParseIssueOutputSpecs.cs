using System.Text.Json;
using Onboarding.Core.IssueForms;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>The exact text <c>onboard parse-issue</c> prints: the JSON contract of SPEC section 3, or diagnostics.</summary>
public class ParseIssueOutputSpecs
{
    private const string Template =
        """
        body:
          - type: dropdown
            id: envs
            attributes: { label: Environments, multiple: true, options: [dev, prod] }
          - type: input
            id: team
            attributes: { label: Team }
          - type: input
            id: nickname
            attributes: { label: Nickname }
          - type: textarea
            id: about
            attributes: { label: About }
        """;

    [Fact]
    public void Json_has_fields_in_template_order_two_space_indent_lf_and_a_final_newline()
    {
        var body = "### Team\r\n\r\ncafé ☕ \"quoted\" <b>\r\n\r\n### About\r\n\r\nline 1\r\n\r\nline 2\r\n\r\n### Environments\r\n\r\ndev, prod\r\n\r\n### Nickname\r\n\r\n_No response_";

        var outcome = ParseIssue.Run(Template, "form.yml", body, "body.md");

        Assert.True(outcome.Succeeded);
        Assert.Equal(
            "{\n  \"envs\": [\n    \"dev\",\n    \"prod\"\n  ],\n  \"team\": \"café ☕ \\\"quoted\\\" <b>\",\n  \"about\": \"line 1\\n\\nline 2\"\n}\n",
            outcome.Json);
        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void Json_output_parses_back_to_the_same_strings_for_any_characters()
    {
        var text = "tab\there \\ back \u0001 control 𝄞 clef \u2028 separator";
        var body = $"### Team\n\n{text}";

        var outcome = ParseIssue.Run(Template, "form.yml", body, "body.md");

        using var document = JsonDocument.Parse(outcome.Json!);
        Assert.Equal(text, document.RootElement.GetProperty("team").GetString());
    }

    [Fact]
    public void A_body_with_problems_gives_diagnostics_with_body_path_line_code_and_field_label()
    {
        var body = "### Team\n\nalpha\n\n### Environments\n\ndev, qa";

        var outcome = ParseIssue.Run(Template, "form.yml", body, "issue-42.md");

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.Json);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("issue-42.md:5:1: error ISSUEFORM007: field 'Environments' has a value that is not one of its options: \"qa\"; write one or more of 'dev', 'prod', separated by ', '", diagnostic.ToString());
        Assert.Equal("Environments", Assert.Single(outcome.Problems).FieldLabel);
    }

    [Fact]
    public void Quoted_user_text_in_a_diagnostic_stays_on_one_line()
    {
        var body = "### Environments\n\n::error::fake\r\n::add-mask::x";

        var outcome = ParseIssue.Run(Template, "form.yml", body, "body.md");

        var text = Assert.Single(outcome.Diagnostics).ToString();
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\r', text);
        Assert.Contains("\"::error::fake\\n::add-mask::x\"", text, StringComparison.Ordinal);
    }
}
