using Onboarding.Core.IssueForms;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>Reading issue-form templates: what is kept from the YAML, and the message a broken template gets.</summary>
public class IssueFormTemplateSpecs
{
    [Fact]
    public void Elements_keep_their_type_id_label_options_and_validations_in_template_order()
    {
        var template = IssueFormTemplate.Parse(
            """
            name: Request
            title: "Request: "
            labels: [request, triage]
            body:
              - type: markdown
                attributes: { value: Hello }
              - type: input
                id: who
                attributes: { label: Who }
                validations: { required: true }
              - type: textarea
                id: code
                attributes: { label: Code, render: python }
              - type: dropdown
                id: envs
                attributes: { label: Envs, multiple: true, options: [dev, 'prod, eu'] }
              - type: checkboxes
                id: ok
                attributes:
                  label: OK
                  options:
                    - label: 'Yes'
                      required: true
                    - label: Maybe
            """,
            "form.yml");

        Assert.Equal("Request", template.Name);
        Assert.Equal("Request: ", template.Title);
        Assert.Equal(["request", "triage"], template.Labels);
        Assert.Equal(
            [IssueFormElementType.Markdown, IssueFormElementType.Input, IssueFormElementType.Textarea, IssueFormElementType.Dropdown, IssueFormElementType.Checkboxes],
            template.Elements.Select(element => element.Type));
        Assert.Equal(["who", "code", "envs", "ok"], template.Fields.Select(field => field.Id));
        var fields = template.Fields.ToDictionary(field => field.Id);
        Assert.True(fields["who"].Required);
        Assert.False(fields["code"].Required);
        Assert.Equal("python", fields["code"].Render);
        Assert.True(fields["envs"].Multiple);
        Assert.Equal(["dev", "prod, eu"], fields["envs"].Options);
        Assert.Equal([new IssueFormCheckboxOption("Yes", true), new IssueFormCheckboxOption("Maybe", false)], fields["ok"].CheckboxOptions);
        Assert.True(fields["ok"].IsRequired);
    }

    [Theory]
    [InlineData("Checkbox without an id?", "checkbox_without_an_id")]
    [InlineData("What's your e-mail (work)?", "what_s_your_e_mail_work")]
    [InlineData("  Ünïcode Name 2 ", "n_code_name_2")]
    public void A_field_without_an_id_is_keyed_by_the_slug_of_its_label(string label, string id)
    {
        var template = IssueFormTemplate.Parse($"body:\n  - type: input\n    attributes:\n      label: \"{label}\"\n", "form.yml");

        Assert.Equal(id, Assert.Single(template.Fields).Id);
    }

    [Fact]
    public void Labels_may_be_a_comma_separated_string()
    {
        var template = IssueFormTemplate.Parse("labels: 'a, b'\nbody:\n  - type: input\n    attributes: { label: A }\n", "form.yml");

        Assert.Equal(["a", "b"], template.Labels);
    }

    [Fact]
    public void Unknown_element_types_are_kept_aside_and_yield_no_field()
    {
        var template = IssueFormTemplate.Parse("body:\n  - type: upload\n    id: shot\n    attributes: { label: Screenshot }\n  - type: input\n    attributes: { label: A }\n", "form.yml");

        Assert.Equal(["a"], template.Fields.Select(field => field.Id));
        Assert.Contains("Screenshot", template.HeadingLabels);
    }

    [Theory]
    [InlineData("name: x\nbody: [\n", 3, "not valid YAML")]
    [InlineData("- just\n- a list\n", 1, "must be a YAML mapping")]
    [InlineData("name: x\n", 1, "no 'body'")]
    [InlineData("body: []\n", 1, "non-empty list")]
    [InlineData("body:\n  - type: input\n    attributes: { description: no label }\n", 3, "no 'attributes.label'")]
    [InlineData("body:\n  - attributes: { label: A }\n", 2, "no 'type'")]
    [InlineData("body:\n  - type: input\n    id: a\n    attributes: { label: A }\n  - type: input\n    id: a\n    attributes: { label: B }\n", 5, "id 'a'")]
    [InlineData("body:\n  - type: input\n    attributes: { label: A }\n  - type: textarea\n    id: other\n    attributes: { label: A }\n", 4, "label 'A'")]
    [InlineData("body:\n  - type: dropdown\n    attributes: { label: A }\n", 3, "no 'options'")]
    [InlineData("body:\n  - type: dropdown\n    attributes: { label: A, options: [x, x] }\n", 3, "repeated option")]
    [InlineData("body:\n  - type: checkboxes\n    attributes: { label: A, options: [plain] }\n", 3, "'- label: ...'")]
    [InlineData("body:\n  - type: input\n    attributes: { label: A }\n    validations: { required: perhaps }\n", 4, "true or false")]
    [InlineData("body:\n  - type: input\n    attributes: { label: '???' }\n", 2, "add an 'id'")]
    [InlineData("body:\n  - type: input\n    attributes: { label: A, label: B }\n", 3, "Duplicate key")]
    [InlineData("a: 1\n---\nb: 2\n", 1, "exactly one")]
    public void A_malformed_template_is_an_error_naming_the_file_line_and_fix(string yaml, int line, string reason)
    {
        var error = Assert.Throws<IssueFormTemplateException>(() => IssueFormTemplate.Parse(yaml, ".github/ISSUE_TEMPLATE/form.yml"));

        Assert.Equal(".github/ISSUE_TEMPLATE/form.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($".github/ISSUE_TEMPLATE/form.yml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_template_is_refused_quickly_instead_of_exhausting_the_stack()
    {
        var yaml = "body: " + new string('[', 6500) + new string(']', 6500) + "\n";

        var error = Assert.Throws<IssueFormTemplateException>(() => IssueFormTemplate.Parse(yaml, "form.yml"));

        Assert.Contains("nests deeper than 32 levels", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_template_file_is_an_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-form-{Guid.NewGuid():N}.yml");

        var error = Assert.Throws<IssueFormTemplateException>(() => IssueFormTemplate.Load(path));

        Assert.Equal(path, error.File);
        Assert.Contains("--template", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_issue_reports_a_broken_template_as_a_diagnostic_instead_of_throwing()
    {
        var outcome = ParseIssue.Run("body: [", "form.yml", "### A\n\nx", "body.md");

        Assert.False(outcome.Succeeded);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.StartsWith("form.yml:", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("error ISSUEFORM001: the issue form is not valid YAML", diagnostic.ToString(), StringComparison.Ordinal);
    }
}
