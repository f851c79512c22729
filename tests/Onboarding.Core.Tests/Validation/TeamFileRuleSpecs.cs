using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Validation;

/// <summary>Each invalid team file gets the right code at the right line and column.</summary>
public class TeamFileRuleSpecs
{
    private const string Header = "schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n";

    public static TheoryData<string, string, int, int> InvalidBundles() => new()
    {
        // bundle lines start at line 6; "  - name: x" puts the name value at column 11.
        { "  - name: data\n    repo: r\n    refresh_interval: 5\n", DiagnosticCodes.OutOfRange, 8, 23 },
        { "  - name: data\n    repo: r\n    refresh_interval: \"60\"\n", DiagnosticCodes.WrongType, 8, 23 },
        { "  - name: data\n    repo: r\n    refresh_intervall: 60\n", DiagnosticCodes.UnknownKey, 8, 5 },
        { "  - name: data\n    repo: r\n    submodules: yes\n", DiagnosticCodes.WrongType, 8, 17 },
        { "  - name: data\n    repo: r\n    tracking_ref: --upload-pack=touch\n", DiagnosticCodes.InvalidRef, 8, 19 },
        { "  - name: data\n    repo: r\n    tracking_ref: a..b\n", DiagnosticCodes.InvalidRef, 8, 19 },
        { "  - name: data\n    repo: r\n    subdir: ../../etc\n", DiagnosticCodes.InvalidPath, 8, 13 },
        { "  - name: data\n    repo: r\n    subdir: /srv/dags\n", DiagnosticCodes.InvalidPath, 8, 13 },
        { "  - name: data\n    repo: r\n    sparse_dirs: [dags, ../x]\n", DiagnosticCodes.InvalidPath, 8, 25 },
        { "  - name: data\n    repo: r\n    git_conn_id: \"a b\"\n", DiagnosticCodes.PatternMismatch, 8, 18 },
        { "  - name: data\n    repo: r\n    environments:\n      qa: {}\n", DiagnosticCodes.UnknownEnvironment, 9, 7 },
        { "  - name: data\n    repo: r\n    environments:\n      dev: {branch: x}\n", DiagnosticCodes.UnknownKey, 9, 13 },
        { "  - name: Data\n    repo: r\n", DiagnosticCodes.PatternMismatch, 6, 11 },
        { "  - name: example_dags\n    repo: r\n", DiagnosticCodes.ReservedName, 6, 11 },
        { "  - name: dags-folder\n    repo: r\n", DiagnosticCodes.ReservedName, 6, 11 },
        { "  - name: numpy-example-dags\n    repo: r\n", DiagnosticCodes.ReservedName, 6, 11 },
        { "  - repo: r\n", DiagnosticCodes.MissingKey, 6, 5 },
        { "  - name: data\n    repo: x.git\n", DiagnosticCodes.InvalidRepo, 7, 11 },
        { "  - name: data\n    repo: .github\n", DiagnosticCodes.InvalidRepo, 7, 11 },
        { "  - name: data\n    repo: x.wiki\n", DiagnosticCodes.InvalidRepo, 7, 11 },
        { "  - name: data\n    repo: -rf\n", DiagnosticCodes.InvalidRepo, 7, 11 },
    };

    [Theory]
    [MemberData(nameof(InvalidBundles))]
    public void An_invalid_bundle_is_reported_at_its_key(string bundles, string code, int line, int column)
    {
        using var platform = new PlatformFixture().WriteTeam("data", Header + bundles);

        var result = platform.Validate();

        var error = result.SingleError(code, "teams/data.yaml", line, column);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
    }

    [Fact]
    public void A_typo_in_a_key_suggests_the_right_one()
    {
        using var platform = new PlatformFixture().WriteTeam("data", Header + "  - name: data\n    repo: r\n    trackng_ref: main\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.UnknownKey, "teams/data.yaml", 8, 5);

        Assert.Contains("did you mean 'tracking_ref'", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_name_must_be_the_team_name()
    {
        using var platform = new PlatformFixture().WriteTeam("other", Header + "  - name: data\n    repo: r\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.FileNameMismatch, "teams/other.yaml", 2, 7);

        Assert.Contains("teams/data.yaml", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9lives", "data", "rename the file to teams/data.yaml", "9lives")]
    [InlineData("ab", "data", "rename the file to teams/data.yaml", "'ab'")]
    [InlineData("data-", "data", "rename the file to teams/data.yaml", "data-")]
    [InlineData("other", "data", "or change 'name' to 'other'", "choose")]
    public void The_file_name_hint_suggests_only_names_the_pattern_accepts(string file, string name, string suggested, string neverSuggested)
    {
        using var platform = new PlatformFixture().WriteTeam(file, $"schema_version: 1\nname: {name}\nowners: {{github_team: data-eng}}\nbundles:\n  - name: data\n    repo: r\n");

        var error = Assert.Single(platform.Validate().Diagnostics, d => d.Code == DiagnosticCodes.FileNameMismatch);

        Assert.Contains(suggested, error.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain(neverSuggested, error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_names_are_unique_across_teams_ignoring_case()
    {
        using var platform = new PlatformFixture()
            .WriteSimpleTeam("core")
            .WriteTeam("data", Header + "  - name: data\n    repo: r\n  - name: core\n    repo: s\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.DuplicateBundle, "teams/data.yaml", 8, 11);

        Assert.Contains("teams/core.yaml:6:11", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_schema_version_names_the_supported_ones()
    {
        using var platform = new PlatformFixture().WriteTeam("data", "schema_version: 2\nname: data\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.UnsupportedSchemaVersion, "teams/data.yaml", 1, 17);

        Assert.Contains("supported versions: 1", error.Hint, StringComparison.Ordinal);
        Assert.Single(platform.Validate().Errors());
    }

    [Fact]
    public void Every_error_of_a_run_is_reported_not_just_the_first()
    {
        using var platform = new PlatformFixture()
            .WriteTeam("data", Header + "  - name: data\n    repo: http://github.com/acme-data/x\n    refresh_interval: 1\n    environments:\n      qa: {}\n")
            .WriteTeam("ops", "schema_version: 1\nname: ops\nowners:\n  github_teem: x\nbundles:\n  - name: ops\n    repo: ops\n");

        var codes = platform.Validate().Errors().Select(e => e.Code).ToArray();

        Assert.Contains(DiagnosticCodes.InvalidRepo, codes);
        Assert.Contains(DiagnosticCodes.OutOfRange, codes);
        Assert.Contains(DiagnosticCodes.UnknownEnvironment, codes);
        Assert.Contains(DiagnosticCodes.UnknownKey, codes);
        Assert.Contains(DiagnosticCodes.MissingKey, codes);
    }

    [Fact]
    public void A_team_file_with_the_yml_extension_is_named_as_an_error()
    {
        using var platform = new PlatformFixture();
        Directory.CreateDirectory(platform.PathOf("teams"));
        File.WriteAllText(platform.PathOf("teams/x.yml"), "schema_version: 1\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.FileNameMismatch, "teams/x.yml", 1, 1);

        Assert.Contains("teams/x.yaml", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_any_tracking_ref_is_refused()
    {
        using var platform = new PlatformFixture("""
            schema_version: 1
            github: {org: acme-data}
            airflow: {version: "3.2"}
            environments: {prod: {}}
            """).WriteSimpleTeam("data");

        var error = platform.Validate().SingleError(DiagnosticCodes.NoTrackingRef, "teams/data.yaml", 6, 11);

        Assert.Contains("tracking_ref", error.Hint, StringComparison.Ordinal);
    }
}
