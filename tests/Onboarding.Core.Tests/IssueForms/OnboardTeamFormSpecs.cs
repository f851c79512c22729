using Onboarding.Core.IssueForms;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.IssueForms;

/// <summary>The issue form teams fill in (templates/issue-forms/onboard-team.yml) and the example bodies beside it.</summary>
public class OnboardTeamFormSpecs
{
    private static readonly string FormPath = RepositoryRoot.Combine("templates", "issue-forms", "onboard-team.yml");

    [Fact]
    public void The_onboarding_form_has_exactly_the_fields_the_onboarding_flow_reads()
    {
        var form = IssueFormTemplate.Load(FormPath);

        Assert.Equal(
            ["team_name", "description", "github_team", "contacts", "repository", "environments", "tracking_ref", "dag_folder", "refresh_interval", "acknowledgement"],
            form.Fields.Select(field => field.Id));
        var required = form.Fields.Where(field => field.IsRequired).Select(field => field.Id);
        Assert.Equal(["team_name", "github_team", "repository", "environments", "acknowledgement"], required);
    }

    [Fact]
    public void The_acknowledgement_is_one_required_checkbox()
    {
        var form = IssueFormTemplate.Load(FormPath);

        var acknowledgement = Assert.Single(form.Fields, field => field.Id == "acknowledgement");
        Assert.Equal(IssueFormElementType.Checkboxes, acknowledgement.Type);
        Assert.True(Assert.Single(acknowledgement.CheckboxOptions).Required);
    }

    [Fact]
    public void The_environments_are_a_multiple_choice_of_the_platform_environments()
    {
        var form = IssueFormTemplate.Load(FormPath);

        var environments = Assert.Single(form.Fields, field => field.Id == "environments");
        Assert.Equal(IssueFormElementType.Dropdown, environments.Type);
        Assert.True(environments.Multiple);
        Assert.Equal(["dev", "staging", "prod"], environments.Options);
    }

    [Fact]
    public void The_form_applies_only_a_plain_label_never_an_approval_label()
    {
        var form = IssueFormTemplate.Load(FormPath);

        // GitHub applies template labels as the submitter: an approval label here would let a request approve itself.
        Assert.Equal(["onboarding"], form.Labels);
        Assert.All(form.Labels, label => Assert.DoesNotContain("approv", label, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("Onboard team: ", form.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_name_help_states_the_name_rule()
    {
        var text = File.ReadAllText(FormPath);

        Assert.Contains("^[a-z][a-z0-9_-]{1,48}[a-z0-9]$", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(LineEndingsData))]
    public void The_valid_example_parses_to_the_payments_team(string eol)
    {
        var body = LineEndings.Convert(File.ReadAllText(RepositoryRoot.Combine("examples", "issues", "valid.md")), eol);

        var result = IssueFormParser.Parse(IssueFormTemplate.Load(FormPath), body);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal("payments", result.GetText("team_name"));
        Assert.Equal("airflow-payments", result.GetText("repository"));
        Assert.Equal(["dev", "staging", "prod"], result.GetItems("environments"));
        Assert.Single(result.GetItems("acknowledgement"));
    }

    [Fact]
    public void The_missing_fields_example_names_every_empty_required_field_and_the_unchecked_acknowledgement()
    {
        var body = File.ReadAllText(RepositoryRoot.Combine("examples", "issues", "invalid-missing-fields.md"));

        var result = IssueFormParser.Parse(IssueFormTemplate.Load(FormPath), body);

        Assert.Equal(
            [("Team name", IssueFormProblemCodes.FieldEmpty), ("GitHub team", IssueFormProblemCodes.FieldEmpty), ("Repository", IssueFormProblemCodes.FieldEmpty), ("Environments", IssueFormProblemCodes.FieldEmpty), ("Acknowledgement", IssueFormProblemCodes.RequiredCheckboxUnchecked)],
            result.Problems.Select(problem => (problem.FieldLabel, problem.Code)));
    }

    [Fact]
    public void The_invalid_values_example_names_the_unknown_environment_and_the_repeated_field()
    {
        var body = File.ReadAllText(RepositoryRoot.Combine("examples", "issues", "invalid-values.md"));

        var result = IssueFormParser.Parse(IssueFormTemplate.Load(FormPath), body);

        Assert.Equal(
            [("GitHub team", IssueFormProblemCodes.FieldRepeated), ("Environments", IssueFormProblemCodes.UnknownDropdownOption)],
            result.Problems.Select(problem => (problem.FieldLabel, problem.Code)));
        Assert.Equal("qa", result.Problems[1].Quoted);

        // The form cannot check the name pattern; the team validation after parsing does, so the text arrives as typed.
        Assert.Equal("Payments!", result.GetText("team_name"));
    }

    public static TheoryData<string> LineEndingsData => LineEndings.Both;
}
