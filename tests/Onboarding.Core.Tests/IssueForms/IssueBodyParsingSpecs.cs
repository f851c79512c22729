using Onboarding.Core.IssueForms;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>How an issue body is read back into field values: one rule of GitHub's rendering per test, LF and CRLF.</summary>
public class IssueBodyParsingSpecs
{
    private static readonly IssueFormTemplate Form = IssueFormTemplate.Parse(
        """
        name: Rules
        body:
          - type: markdown
            attributes:
              value: "### Name\n\nThis text is shown on the form only."
          - type: input
            id: name
            attributes: { label: Name }
            validations: { required: true }
          - type: textarea
            id: notes
            attributes: { label: Notes }
          - type: textarea
            id: config
            attributes: { label: Config, render: yaml }
          - type: dropdown
            id: size
            attributes: { label: Size, options: [small, large] }
          - type: dropdown
            id: places
            attributes:
              label: Places
              multiple: true
              options: ["Paris, France", "Rome", "Oslo, Norway, Europe"]
          - type: checkboxes
            id: terms
            attributes:
              label: Terms
              options:
                - label: I agree
                  required: true
                - label: Send me news
          - type: upload
            id: screenshot
            attributes: { label: Screenshot }
        """,
        "rules.yml");

    public static TheoryData<string> LineEndingsData => LineEndings.Both;

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Values_are_keyed_by_field_id_and_found_under_headings_naming_their_labels(string eol)
    {
        var body = Body(eol, "### Name", "", "alpha", "", "### Size", "", "large", "", "### Terms", "", "- [X] I agree", "- [ ] Send me news");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("alpha", result.GetText("name"));
        Assert.Equal("large", result.GetText("size"));
        Assert.Equal(["I agree"], result.GetItems("terms"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Headings_may_come_in_any_order(string eol)
    {
        var body = Body(eol, "### Terms", "", "- [x] I agree", "", "### Size", "", "small", "", "### Name", "", "alpha");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal(["name", "size", "terms"], result.Values.Keys);
        Assert.Equal(9, result.HeadingLines["name"]);
        Assert.Equal(1, result.HeadingLines["terms"]);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_heading_that_names_no_field_belongs_to_the_field_before_it(string eol)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "first", "", "### Not a field", "", "second", "", "## Smaller heading", "", "third");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("first\n\n### Not a field\n\nsecond\n\n## Smaller heading\n\nthird", result.GetText("notes"));
    }

    [Theory]
    [InlineData("\n", "```")]
    [InlineData("\r\n", "```")]
    [InlineData("\n", "~~~")]
    [InlineData("\r\n", "~~~")]
    public void A_field_heading_inside_a_code_fence_is_text(string eol, string fence)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "before", "", fence + "md", "### Size", "", "large", fence, "", "after");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal($"before\n\n{fence}md\n### Size\n\nlarge\n{fence}\n\nafter", result.GetText("notes"));
        Assert.Null(result.GetText("size"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_field_heading_inside_an_indented_code_block_or_a_quote_is_text(string eol)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "    ### Size", "", "> ### Size");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("    ### Size\n\n> ### Size", result.GetText("notes"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void No_response_means_empty_and_the_field_is_left_out(string eol)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "_No response_", "", "### Size", "", "_No response_", "", "### Places", "", "_No response_", "", "### Config", "", "_No response_");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal(["name", "terms"], result.Values.Keys);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void None_means_an_empty_dropdown_but_is_text_in_a_textarea(string eol)
    {
        var body = Body(eol, Required(eol), "### Size", "", "None", "", "### Places", "", "None", "", "### Notes", "", "None");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.False(result.Values.ContainsKey("size"));
        Assert.False(result.Values.ContainsKey("places"));
        Assert.Equal("None", result.GetText("notes"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Exactly_one_render_fence_is_stripped_from_a_textarea_with_render(string eol)
    {
        var body = Body(eol, Required(eol), "### Config", "", "```yaml", "key: value", "", "```sh", "echo inner", "```", "```");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("key: value\n\n```sh\necho inner\n```", result.GetText("config"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void An_empty_render_fence_means_empty(string eol)
    {
        var body = Body(eol, Required(eol), "### Config", "", "```yaml", "", "```");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.False(result.Values.ContainsKey("config"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_render_textarea_without_its_fence_keeps_its_text(string eol)
    {
        var body = Body(eol, Required(eol), "### Config", "", "key: value", "other: 1");

        var result = IssueFormParser.Parse(Form, body);

        Assert.Equal("key: value\nother: 1", result.GetText("config"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_textarea_keeps_inner_blank_lines_and_loses_outer_ones(string eol)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "", "  indented first", "", "", "last  ", "", "", "");

        var result = IssueFormParser.Parse(Form, body);

        Assert.Equal("  indented first\n\n\nlast", result.GetText("notes"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Text_before_the_first_field_heading_is_ignored(string eol)
    {
        var body = Body(eol, "Pasted from somewhere", "", "### Name", "", "alpha", "", "### Terms", "", "- [x] I agree");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("alpha", result.GetText("name"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Multiple_dropdown_values_split_only_between_known_options(string eol)
    {
        var body = Body(eol, Required(eol), "### Places", "", "Paris, France, Rome, Oslo, Norway, Europe");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal(["Paris, France", "Rome", "Oslo, Norway, Europe"], result.GetItems("places"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void An_unknown_single_dropdown_value_is_a_problem_naming_the_field_and_the_options(string eol)
    {
        var body = Body(eol, Required(eol), "### Size", "", "medium");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Size", problem.FieldLabel);
        Assert.Equal("medium", problem.Quoted);
        Assert.Contains("'small', 'large'", problem.Text, StringComparison.Ordinal);
        Assert.False(result.Values.ContainsKey("size"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void An_unknown_multiple_dropdown_value_is_a_problem_quoting_only_the_unknown_parts(string eol)
    {
        var body = Body(eol, Required(eol), "### Places", "", "Paris, France, Berlin, Rome, Lyon");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Places", problem.FieldLabel);
        Assert.Equal("Berlin, Lyon", problem.Quoted);
        Assert.Contains("'Paris, France', 'Rome', 'Oslo, Norway, Europe'", problem.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void Checkbox_lines_may_be_checked_with_either_x_and_left_unchecked_with_empty_brackets(string eol)
    {
        var upper = IssueFormParser.Parse(Form, Body(eol, "### Name", "", "a", "", "### Terms", "", "- [X] I agree", "- [] Send me news"));
        var lower = IssueFormParser.Parse(Form, Body(eol, "### Name", "", "a", "", "### Terms", "", "- [x] I agree", "- [x] Send me news"));

        AssertValid(upper);
        AssertValid(lower);
        Assert.Equal(["I agree"], upper.GetItems("terms"));
        Assert.Equal(["I agree", "Send me news"], lower.GetItems("terms"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_malformed_checkbox_line_is_a_problem_quoting_the_line(string eol)
    {
        var body = Body(eol, "### Name", "", "a", "", "### Terms", "", "- [x] I agree", "- Send me news");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.MalformedCheckbox, problem.Code);
        Assert.Equal("Terms", problem.FieldLabel);
        Assert.Equal("- Send me news", problem.Quoted);
        Assert.Equal(8, problem.Line);
        Assert.Contains("'- [x] option'", problem.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_checkbox_that_is_not_an_option_is_a_problem(string eol)
    {
        var body = Body(eol, "### Name", "", "a", "", "### Terms", "", "- [x] I agree", "- [x] Make me admin");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.UnknownCheckboxOption, problem.Code);
        Assert.Equal("Make me admin", problem.Quoted);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void An_unchecked_required_checkbox_is_a_problem_naming_the_option(string eol)
    {
        var body = Body(eol, "### Name", "", "a", "", "### Terms", "", "- [ ] I agree", "- [x] Send me news");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.RequiredCheckboxUnchecked, problem.Code);
        Assert.Equal("Terms", problem.FieldLabel);
        Assert.Equal("I agree", problem.Quoted);
        Assert.False(result.Values.ContainsKey("terms"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_field_given_twice_is_a_problem_naming_both_lines(string eol)
    {
        var body = Body(eol, "### Name", "", "alpha", "", "### Terms", "", "- [x] I agree", "", "### Name", "", "beta");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.FieldRepeated, problem.Code);
        Assert.Equal("Name", problem.FieldLabel);
        Assert.Contains("lines 1, 9", problem.Message, StringComparison.Ordinal);
        Assert.False(result.Values.ContainsKey("name"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_missing_required_field_is_a_problem_saying_which_heading_to_add(string eol)
    {
        var body = Body(eol, "### Terms", "", "- [x] I agree");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.FieldMissing, problem.Code);
        Assert.Equal("Name", problem.FieldLabel);
        Assert.Contains("'### Name'", problem.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n", "")]
    [InlineData("\r\n", "")]
    [InlineData("\n", "_No response_")]
    [InlineData("\r\n", "   ")]
    public void An_empty_required_field_is_a_problem(string eol, string value)
    {
        var body = Body(eol, "### Name", "", value, "", "### Terms", "", "- [x] I agree");

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.FieldEmpty, problem.Code);
        Assert.Equal("Name", problem.FieldLabel);
        Assert.Equal(1, problem.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Please onboard my team, thanks!")]
    [InlineData("## Name\n\nalpha")]
    [InlineData("#### Name\n\nalpha")]
    [InlineData("Name\n---\n\nalpha")]
    [InlineData("### Team\n\nalpha\r\n\r\n### Screenshot\r\n\r\n![x](y)")]
    [InlineData("```\n### Name\n\nalpha\n```")]
    public void A_body_without_form_headings_is_one_problem_listing_the_expected_headings(string body)
    {
        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IssueFormProblemCodes.NoFormFields, problem.Code);
        Assert.Null(problem.FieldLabel);
        Assert.Contains("'Name', 'Notes', 'Config', 'Size', 'Places', 'Terms'", problem.Hint, StringComparison.Ordinal);
        Assert.Empty(result.Values);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void The_section_of_an_unsupported_element_ends_the_field_before_it_and_is_skipped(string eol)
    {
        var body = Body(eol, Required(eol), "### Notes", "", "my notes", "", "### Screenshot", "", "![screenshot](https://example.com/a.png)");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("my notes", result.GetText("notes"));
        Assert.DoesNotContain("screenshot", result.Values.Keys);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void A_heading_closed_with_hashes_still_names_its_field(string eol)
    {
        var body = Body(eol, "### Name ###", "", "alpha", "", "### Terms", "", "- [x] I agree");

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("alpha", result.GetText("name"));
    }

    [Fact]
    public void A_byte_order_mark_and_lone_carriage_returns_are_read_as_plain_line_breaks()
    {
        var body = "\uFEFF### Name\r\ralpha\r\r### Terms\r\r- [x] I agree";

        var result = IssueFormParser.Parse(Form, body);

        AssertValid(result);
        Assert.Equal("alpha", result.GetText("name"));
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void None_is_a_choice_when_the_dropdown_offers_an_option_called_None(string eol)
    {
        var form = IssueFormTemplate.Parse("body:\n  - type: dropdown\n    id: plan\n    attributes: { label: Plan, options: [None, Basic] }\n", "form.yml");

        var result = IssueFormParser.Parse(form, Body(eol, "### Plan", "", "None"));

        Assert.Equal("None", result.GetText("plan"));
    }

    [Fact]
    public void A_field_repeated_thousands_of_times_is_one_problem_of_readable_length()
    {
        var body = string.Concat(Enumerable.Repeat("### Name\n\nx\n\n", 5000));

        var result = IssueFormParser.Parse(Form, body);

        var problem = Assert.Single(result.Problems, problem => problem.Code == IssueFormProblemCodes.FieldRepeated);
        Assert.Contains("5000 times", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Text.Length < 300, problem.Text);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_form_order()
    {
        var body = Body("\n", "### Size", "", "huge", "", "### Terms", "", "- [ ] I agree", "- maybe");

        var result = IssueFormParser.Parse(Form, body);

        Assert.Equal(
            [IssueFormProblemCodes.FieldMissing, IssueFormProblemCodes.UnknownDropdownOption, IssueFormProblemCodes.MalformedCheckbox, IssueFormProblemCodes.RequiredCheckboxUnchecked],
            result.Problems.Select(problem => problem.Code));
    }

    private static string Body(string eol, params string[] lines) => LineEndings.Join(eol, lines);

    // The required fields, so that a test can focus on another field.
    private static string Required(string eol) => Body(eol, "### Name", "", "alpha", "", "### Terms", "", "- [x] I agree", "", "");

    private static void AssertValid(IssueFormParseResult result) =>
        Assert.True(result.IsValid, string.Join("\n", result.Problems.Select(problem => problem.Text)));
}
