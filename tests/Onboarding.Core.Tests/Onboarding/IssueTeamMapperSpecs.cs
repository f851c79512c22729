using System.Text;
using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Onboarding;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Onboarding;

/// <summary>An onboarding issue becomes one team file that validates with the platform, or a list of problems by form label.</summary>
public class IssueTeamMapperSpecs
{
    private static TeamFile ReadBack(OnboardingRequest request)
    {
        var bag = new DiagnosticBag();
        var team = TeamFileLoader.Load(request.Validation!.TeamFileBytes, request.Validation.TeamFilePath, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return team!;
    }

    private static string Labels(OnboardingRequest request) =>
        string.Join("\n", request.Problems.Select(p => $"{p.FieldLabel}: {p.Code}: {p.Text}"));

    [Fact]
    public void The_valid_example_becomes_a_team_file_that_validates_and_compiles_with_the_platform()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(OnboardingPlatform.ValidBody);

        Assert.True(request.IsValid, Labels(request));
        var team = ReadBack(request);
        Assert.Equal("payments", team.Name);
        Assert.Equal("Settlement and reconciliation pipelines for the payments domain.", team.Description);
        Assert.Equal("payments-eng", team.Owners.GitHubTeam);
        Assert.Equal(["payments@example.com", "payments-oncall@example.com"], team.Owners.Contacts);
        var bundle = Assert.Single(team.Bundles);
        Assert.Equal(("payments", "airflow-payments"), (bundle.Name, bundle.Repo));
        Assert.Equal(BundleSettings.None, bundle.Settings);

        // Every environment was picked: none is listed, so an environment added later includes the team.
        Assert.Null(bundle.Environments);

        File.WriteAllBytes(platform.PathOf("teams/payments.yaml"), request.Validation!.TeamFileBytes);
        var compiled = Bounded.Compile(platform.Root, CompileMode.Write);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        Assert.All(["dev", "staging", "prod"], env => Assert.Contains("\"name\": \"payments\"", File.ReadAllText(platform.PathOf($"generated/{env}/dag_bundle_config.json")), StringComparison.Ordinal));
    }

    [Fact]
    public void A_strict_subset_of_environments_is_listed_and_the_others_do_not_load_the_bundle()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.Environments, "dev, prod")));

        Assert.True(request.IsValid, Labels(request));
        Assert.Equal(["dev", "prod"], ReadBack(request).Bundles[0].Environments!.Select(e => e.Name));
        File.WriteAllBytes(platform.PathOf("teams/payments.yaml"), request.Validation!.TeamFileBytes);
        Assert.False(Bounded.Compile(platform.Root, CompileMode.Write).HasErrors);
        Assert.DoesNotContain("\"payments\"", File.ReadAllText(platform.PathOf("generated/staging/dag_bundle_config.json")), StringComparison.Ordinal);
        Assert.Contains("\"payments\"", File.ReadAllText(platform.PathOf("generated/prod/dag_bundle_config.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_answers_become_bundle_settings()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body(
            (OnboardingFormFields.TrackingRef, "release/2025-01"),
            (OnboardingFormFields.DagFolder, "src/dags"),
            (OnboardingFormFields.RefreshInterval, "60"),
            (OnboardingFormFields.Repository, "https://GitHub.com/acme-shared/payments-dags")));

        Assert.True(request.IsValid, Labels(request));
        var bundle = ReadBack(request).Bundles[0];
        Assert.Equal(Cascading.Of("release/2025-01", "src/dags", 60), bundle.Settings);
        Assert.Equal("https://github.com/acme-shared/payments-dags.git", bundle.Repo);
    }

    [Fact]
    public void The_missing_fields_example_names_every_required_field_by_its_label()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(File.ReadAllText(RepositoryLayout.PathOf("examples/issues/invalid-missing-fields.md")));

        Assert.False(request.IsValid);
        Assert.Equal(["Team name", "GitHub team", "Repository", "Environments", "Acknowledgement"], request.Problems.Select(p => p.FieldLabel));
        Assert.Null(request.Validation);
    }

    [Fact]
    public void The_invalid_values_example_names_the_team_name_the_repeated_field_and_the_unknown_environment()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(File.ReadAllText(RepositoryLayout.PathOf("examples/issues/invalid-values.md")));

        Assert.False(request.IsValid);
        Assert.Equal(["Environments", "GitHub team", "Team name"], request.Problems.Select(p => p.FieldLabel!).Order(StringComparer.Ordinal));
        var name = Assert.Single(request.Problems, p => p.FieldLabel == "Team name");
        Assert.Equal(DiagnosticCodes.PatternMismatch, name.Code);
        Assert.Contains("'Payments!'", name.Text, StringComparison.Ordinal);
        Assert.Contains("lowercase ASCII letters", name.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_form_headings_is_one_problem_not_one_per_field()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare("Please onboard team payments, repo airflow-payments, thanks!");

        var problem = Assert.Single(request.Problems);
        Assert.Equal(IssueFormProblemCodes.NoFormFields, problem.Code);
        Assert.Null(problem.FieldLabel);
    }

    [Theory]
    [InlineData("alpha\nadmins: [mallory]")]
    [InlineData("alpha # x")]
    [InlineData("a: b")]
    [InlineData("&a")]
    [InlineData("*a")]
    [InlineData("!tag")]
    [InlineData("- x")]
    [InlineData("a\"; touch /tmp/pwned; echo \"")]
    [InlineData("$(touch /tmp/pwned2)")]
    [InlineData("`id`")]
    public void A_hostile_description_arrives_verbatim_and_adds_no_key(string description)
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.Description, description)));

        Assert.True(request.IsValid, Labels(request));
        Assert.Equal(description, ReadBack(request).Description);
        var root = Assert.IsType<YamlMapping>(SafeYamlReader.Read(request.Validation!.TeamFileBytes, "t.yaml", new DiagnosticBag()));
        Assert.Equal(["schema_version", "name", "description", "owners", "bundles"], root.Entries.Select(e => e.Key.Value));
        Assert.False(File.Exists("/tmp/pwned"));
        Assert.False(File.Exists("/tmp/pwned2"));
    }

    [Theory]
    [InlineData("p\u0430yments", "non-ASCII character (U+0430")]
    [InlineData("\uff50\uff41\uff59", "non-ASCII character (U+FF50")]
    [InlineData("pay\u200bments", "non-ASCII character (U+200B")]
    [InlineData("pay\u202ements", "non-ASCII character (U+202E")]
    [InlineData("../../.github/workflows/evil", "is not valid")]
    [InlineData("..", "is not valid")]
    [InlineData("a/b", "is not valid")]
    [InlineData("a\\b", "is not valid")]
    [InlineData("%2e%2e%2f", "is not valid")]
    [InlineData("/etc/passwd", "is not valid")]
    [InlineData("-rf", "is not valid")]
    [InlineData("a b", "is not valid")]
    [InlineData("example_dags", "is reserved: Airflow uses it")]
    [InlineData("admin", "is reserved: policy.reserved_names lists it")]
    [InlineData("Platform", "is not valid")]
    [InlineData("platform", "is reserved: policy.reserved_names lists it")]
    public void A_look_alike_reserved_or_path_like_team_name_is_refused_under_Team_name_and_nothing_is_written(string name, string reason)
    {
        using var platform = new OnboardingPlatform();
        var before = platform.Snapshot();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.TeamName, name)));

        Assert.False(request.IsValid);
        var problem = Assert.Single(request.Problems);
        Assert.Equal("Team name", problem.FieldLabel);
        Assert.Contains(reason, problem.Text, StringComparison.Ordinal);
        Assert.Null(request.Validation?.Compilation);
        Assert.Equal(before, platform.Snapshot());
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(platform.Root, "teams", "../../.github/workflows/evil.yaml"))));
    }

    [Fact]
    public void A_look_alike_name_is_shown_escaped_in_the_issue_comment()
    {
        using var platform = new OnboardingPlatform();

        var markdown = platform.Prepare(platform.Body((OnboardingFormFields.TeamName, "p\u0430y\u202ements"))).ProblemMarkdown();

        Assert.Contains("**Team name**", markdown, StringComparison.Ordinal);
        Assert.Contains("p\\\\u0430y\\\\u202Ements", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analytics-reports")]
    [InlineData("analytics-backfills")]
    public void A_team_name_that_is_already_a_bundle_of_another_team_is_refused_under_Team_name(string name)
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.TeamName, name)));

        Assert.False(request.IsValid);
        var problem = Assert.Single(request.Problems);
        Assert.Equal(("Team name", DiagnosticCodes.DuplicateBundle), (problem.FieldLabel, problem.Code));
        Assert.Contains("teams/analytics.yaml", problem.Text, StringComparison.Ordinal);
        Assert.Empty(request.PlatformDiagnostics);
        Assert.False(File.Exists(platform.PathOf($"teams/{name}.yaml")));
    }

    [Fact]
    public void A_clash_reported_in_the_new_team_file_is_also_named_under_Team_name()
    {
        using var platform = new OnboardingPlatform();

        // teams/alpha.yaml is read before teams/zeta.yaml, so the clash is found in the requested file.
        File.WriteAllText(platform.PathOf("teams/alpha.yaml"), "schema_version: 1\nname: alpha\nowners: {github_team: alpha}\nbundles:\n  - {name: zeta, repo: airflow-alpha}\n");

        var request = platform.Prepare(platform.Body((OnboardingFormFields.TeamName, "zeta")));

        var problem = Assert.Single(request.Problems);
        Assert.Equal(("Team name", DiagnosticCodes.DuplicateBundle), (problem.FieldLabel, problem.Code));
        Assert.Contains("teams/alpha.yaml", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bundles[0]", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_that_is_already_onboarded_with_other_settings_is_refused_under_Team_name()
    {
        using var platform = new OnboardingPlatform();
        var before = platform.Snapshot();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.TeamName, "analytics")));

        var problem = Assert.Single(request.Problems);
        Assert.Equal(("Team name", DiagnosticCodes.DuplicateTeam), (problem.FieldLabel, problem.Code));
        Assert.Contains("already onboarded", problem.Text, StringComparison.Ordinal);
        Assert.Equal(before, platform.Snapshot());
    }

    [Fact]
    public void The_same_request_again_after_its_team_file_was_written_is_accepted_as_already_done()
    {
        using var platform = new OnboardingPlatform();
        var first = platform.Prepare(OnboardingPlatform.ValidBody);
        File.WriteAllBytes(platform.PathOf("teams/payments.yaml"), first.Validation!.TeamFileBytes);

        var again = platform.Prepare(OnboardingPlatform.ValidBody);

        Assert.True(again.IsValid, Labels(again));
        Assert.True(again.Validation!.AlreadyCommitted);
    }

    [Theory]
    [InlineData("https://github.com/evil-corp/dags", DiagnosticCodes.RepoOwnerNotAllowed, "policy.repo_owners")]
    [InlineData("https://github.com@evil.com/o/r", DiagnosticCodes.InvalidRepo, "without credentials")]
    [InlineData("http://github.com/acme-data/r", DiagnosticCodes.InvalidRepo, "not an https URL")]
    [InlineData("--upload-pack=x", DiagnosticCodes.InvalidRepo, "is not a repository name")]
    [InlineData("https://gitlab.com/acme-data/r", DiagnosticCodes.RepoHostNotAllowed, "policy.repo_hosts")]
    [InlineData("x.git", DiagnosticCodes.InvalidRepo, "not a repository name")]
    public void A_repository_the_policy_refuses_is_named_under_Repository(string repository, string code, string reason)
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.Repository, repository)));

        var problem = Assert.Single(request.Problems);
        Assert.Equal(("Repository", code), (problem.FieldLabel, problem.Code));
        Assert.Contains(reason, problem.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon", "is not a whole number")]
    [InlineData("-5", "is not a whole number")]
    [InlineData("1.5", "is not a whole number")]
    [InlineData("5", "is 5, outside the allowed range")]
    [InlineData("99999999999", "is not a whole number")]
    public void A_refresh_interval_that_is_not_a_whole_number_of_at_least_ten_is_named_under_its_label(string value, string reason)
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body((OnboardingFormFields.RefreshInterval, value)));

        var problem = Assert.Single(request.Problems);
        Assert.Equal("Refresh interval (seconds)", problem.FieldLabel);
        Assert.Contains(reason, problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_answer_is_reported_at_once_each_under_its_own_label()
    {
        using var platform = new OnboardingPlatform();

        var request = platform.Prepare(platform.Body(
            (OnboardingFormFields.GitHubTeam, "Payments Eng"),
            (OnboardingFormFields.Contacts, "payments@example.com\nnot-an-address"),
            (OnboardingFormFields.TrackingRef, "--force"),
            (OnboardingFormFields.DagFolder, "../secrets"),
            (OnboardingFormFields.Description, new string('x', 501))));

        Assert.Equal(
            ["Contacts", "DAG folder", "Description", "GitHub team", "Tracking ref"],
            request.Problems.Select(p => p.FieldLabel!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_environment_the_form_offers_but_the_platform_lacks_is_named_under_Environments()
    {
        using var platform = new OnboardingPlatform();
        var config = File.ReadAllText(platform.PathOf("onboarding.yaml")).Replace("  staging: {}\n", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(platform.PathOf("onboarding.yaml"), config);

        var request = platform.Prepare(OnboardingPlatform.ValidBody);

        var problem = Assert.Single(request.Problems);
        Assert.Equal(("Environments", DiagnosticCodes.UnknownEnvironment), (problem.FieldLabel, problem.Code));
        Assert.Contains("'staging'", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_team_file_of_another_team_is_a_platform_problem_not_the_authors()
    {
        using var platform = new OnboardingPlatform();
        File.WriteAllText(platform.PathOf("teams/analytics.yaml"), "schema_version: 1\nname: analytics\nowners: {github_team: x}\nbundles: []\n");

        var request = platform.Prepare(OnboardingPlatform.ValidBody);

        Assert.False(request.IsValid);
        Assert.Empty(request.Problems);
        Assert.All(request.PlatformDiagnostics, d => Assert.Equal("teams/analytics.yaml", d.Location.File));
        var markdown = request.ProblemMarkdown();
        Assert.Contains("not caused by this request", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_and_html_in_answers_are_neutralised_in_the_issue_comment()
    {
        using var platform = new OnboardingPlatform();

        var markdown = platform.Prepare(platform.Body(
            (OnboardingFormFields.GitHubTeam, "@org/everyone please look"),
            (OnboardingFormFields.TrackingRef, "<img src=https://evil/x>"))).ProblemMarkdown();

        Assert.Contains("<!-- onboard:problems -->", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@org", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<img", markdown);
        Assert.Contains("**GitHub team**", markdown, StringComparison.Ordinal);
        Assert.Contains("**Tracking ref**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_file_is_serialised_by_the_writer_with_the_schema_comment()
    {
        using var platform = new OnboardingPlatform();

        var text = Encoding.UTF8.GetString(platform.Prepare(OnboardingPlatform.ValidBody).Validation!.TeamFileBytes);

        Assert.StartsWith("# yaml-language-server: $schema=../schemas/team.schema.json\nschema_version: 1\nname: payments\n", text, StringComparison.Ordinal);
    }
}
