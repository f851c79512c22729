using System.Text.Json.Nodes;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Loading;
using Onboarding.Core.Onboarding;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Onboarding;

/// <summary>The issue form, the team schema and the example platform agree, so every submitted form can become a team.</summary>
public class OnboardingFormAgreementSpecs
{
    private static IssueFormTemplate Form => IssueFormTemplate.Load(RepositoryLayout.PathOf(OnboardingFormFields.TemplatePath));

    // Which form field answers each key the team schema requires; the bundle's name is the team name.
    private static readonly Dictionary<string, string> SchemaKeyToField = new(StringComparer.Ordinal)
    {
        ["name"] = OnboardingFormFields.TeamName,
        ["owners.github_team"] = OnboardingFormFields.GitHubTeam,
        ["bundles[].name"] = OnboardingFormFields.TeamName,
        ["bundles[].repo"] = OnboardingFormFields.Repository,
    };

    [Fact]
    public void Every_key_the_team_schema_requires_is_asked_for_by_a_required_form_field()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf("schemas/team.schema.json")))!;
        var required = new List<string>();
        foreach (var key in Required(schema))
        {
            switch (key)
            {
                case "schema_version":
                    break;
                case "owners":
                    required.AddRange(Required(schema["properties"]!["owners"]!).Select(k => $"owners.{k}"));
                    break;
                case "bundles":
                    required.AddRange(Required(schema["definitions"]!["bundle"]!).Select(k => $"bundles[].{k}"));
                    break;
                default:
                    required.Add(key);
                    break;
            }
        }

        var form = Form;
        Assert.All(required, key =>
        {
            Assert.True(SchemaKeyToField.TryGetValue(key, out var field), $"the schema requires '{key}', which no form field answers");
            Assert.True(form.Fields.Single(f => f.Id == field).IsRequired, $"form field '{field}' answers '{key}' but is optional");
        });
    }

    [Fact]
    public void The_environment_choices_are_the_environments_of_the_platform()
    {
        var config = PlatformConfigLoader.Load(File.ReadAllBytes(RepositoryLayout.PathOf("onboarding.yaml")), "onboarding.yaml", new DiagnosticBag())!;

        var environments = Form.Fields.Single(f => f.Id == OnboardingFormFields.Environments);

        Assert.True(environments.Multiple);
        Assert.Equal(config.Environments.Select(e => e.Name), environments.Options);
    }

    [Fact]
    public void The_form_ids_are_the_ones_the_mapper_reads_and_the_required_ones_match()
    {
        var form = Form;

        Assert.Equal(OnboardingFormFields.All, form.Fields.Select(f => f.Id));
        Assert.Equal(OnboardingFormFields.Required, form.Fields.Where(f => f.IsRequired).Select(f => f.Id));
    }

    [Fact]
    public void The_acknowledgement_must_be_checked()
    {
        var acknowledgement = Form.Fields.Single(f => f.Id == OnboardingFormFields.Acknowledgement);

        Assert.Equal(IssueFormElementType.Checkboxes, acknowledgement.Type);
        Assert.All(acknowledgement.CheckboxOptions, option => Assert.True(option.Required));
    }

    private static IEnumerable<string> Required(JsonNode node) => node["required"]!.AsArray().Select(k => k!.GetValue<string>());
}
