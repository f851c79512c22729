using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>validate, compile and check as a user runs them: output, exit codes, files.</summary>
public sealed class CompileCommandSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-cli");

    public CompileCommandSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Fact]
    public void Validate_on_the_example_platform_succeeds()
    {
        var result = CliRun.InProcess(_platform.Path, "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 teams, 5 bundles, 3 environments", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Compile_check_on_the_up_to_date_example_succeeds_and_says_so()
    {
        var result = CliRun.InProcess(_platform.Path, "compile", "--check");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("generated files are up to date", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_option_points_at_another_folder()
    {
        using var elsewhere = new TempDirectory();

        var result = CliRun.InProcess(elsewhere.Path, "validate", "--root", _platform.Path);

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Compile_check_on_a_stale_platform_exits_1_and_prints_the_change_per_environment()
    {
        File.WriteAllText(_platform.File("teams/payments.yaml"), File.ReadAllText(_platform.File("teams/payments.yaml")).Replace("tracking_ref: v2.4.1", "tracking_ref: v2.5.0", StringComparison.Ordinal));

        var result = CliRun.InProcess(_platform.Path, "compile", "--check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("prod", result.Out, StringComparison.Ordinal);
        Assert.Contains("~ payments: kwargs.tracking_ref \"v2.4.1\" -> \"v2.5.0\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("teams/payments.yaml:", result.Error, StringComparison.Ordinal);
        Assert.Contains("error GEN001", result.Error, StringComparison.Ordinal);
        Assert.Contains("onboard compile", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_then_check_is_clean()
    {
        File.WriteAllText(_platform.File("teams/payments.yaml"), File.ReadAllText(_platform.File("teams/payments.yaml")).Replace("tracking_ref: v2.4.1", "tracking_ref: v2.5.0", StringComparison.Ordinal));

        var compile = CliRun.InProcess(_platform.Path, "compile");
        var check = CliRun.InProcess(_platform.Path, "check");

        Assert.Equal(0, compile.ExitCode);
        Assert.Contains("updated generated/prod/dag_bundle_config.json", compile.Out, StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
    }

    [Fact]
    public void Invalid_input_exits_1_with_file_line_column_code_and_hint()
    {
        _platform.Write("teams/broken.yaml", "schema_version: 1\nname: broken\nowners: {github_team: b}\nbundles:\n  - name: broken\n    repo: r\n    refresh_intervall: 60\n");

        var result = CliRun.InProcess(_platform.Path, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("teams/broken.yaml:7:5: error SCHEMA001: unknown key 'refresh_intervall' in 'bundles[0]'; did you mean 'refresh_interval'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_the_configured_Airflow_does_not_accept_exits_1_at_its_line()
    {
        File.WriteAllText(_platform.File("onboarding.yaml"), File.ReadAllText(_platform.File("onboarding.yaml")).Replace("version: \"3.2\"", "version: \"3.0\"", StringComparison.Ordinal));
        _platform.Write("teams/viewer.yaml", "schema_version: 1\nname: viewer\nowners: {github_team: v}\nbundles:\n  - name: viewer\n    repo: airflow-viewer\n    view_url_template: https://github.com/acme-data/airflow-viewer/tree/{version}\n");

        var result = CliRun.InProcess(_platform.Path, "compile");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("teams/viewer.yaml:7:24: error TEAM014: 'bundles[0].view_url_template' needs Airflow 3.1 or later, but onboarding.yaml sets airflow.version to \"3.0\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_2()
    {
        var unknownOption = CliRun.InProcess(_platform.Path, "compile", "--bogus");
        var unknownCommand = CliRun.InProcess(_platform.Path, "frobnicate");

        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Contains("--bogus", unknownOption.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownCommand.ExitCode);
    }

    [Fact]
    public void A_missing_platform_file_is_explained()
    {
        using var empty = new TempDirectory();

        var result = CliRun.InProcess(empty.Path, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("onboarding.yaml not found", result.Error, StringComparison.Ordinal);
        Assert.Contains("--root", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_the_changes_and_diagnostics()
    {
        File.WriteAllText(_platform.File("teams/payments.yaml"), File.ReadAllText(_platform.File("teams/payments.yaml")).Replace("tracking_ref: v2.4.1", "tracking_ref: v2.5.0", StringComparison.Ordinal));

        var result = CliRun.InProcess(_platform.Path, "compile", "--check", "--json");

        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
        var prod = report.RootElement.GetProperty("environments").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "prod");
        var change = prod.GetProperty("changed").EnumerateArray().Single();
        Assert.Equal("payments", change.GetProperty("name").GetString());
        Assert.Equal("kwargs.tracking_ref", change.GetProperty("fields")[0].GetProperty("field").GetString());
        Assert.Contains(report.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GEN001");
    }

    [Fact]
    public void Under_GitHub_Actions_errors_become_annotations_and_a_job_summary()
    {
        File.WriteAllText(_platform.File("teams/payments.yaml"), File.ReadAllText(_platform.File("teams/payments.yaml")).Replace("tracking_ref: v2.4.1", "tracking_ref: v2.5.0", StringComparison.Ordinal));
        var summary = _platform.File("summary.md");
        var outputs = _platform.File("outputs.txt");
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = outputs };

        var result = CliRun.InProcess(_platform.Path, env, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error file=teams/payments.yaml,line=", result.Out, StringComparison.Ordinal);
        Assert.Contains("title=GEN001::bundle 'payments'", result.Out, StringComparison.Ordinal);
        var markdown = File.ReadAllText(summary);
        Assert.Contains("| Environment | Bundles | Added | Removed | Changed |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `prod` | 5 | 0 | 0 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("compile", markdown, StringComparison.Ordinal);
        Assert.Contains("changed=true", File.ReadAllText(outputs), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_in_a_team_file_cannot_inject_workflow_commands()
    {
        _platform.Write("teams/evil.yaml", "schema_version: 1\nname: evil\nowners: {github_team: e}\nbundles:\n  - name: evil\n    repo: r\n    \"::add-mask::Onboarding\\n::error file=action.yml,line=1::fake\\n::stop-commands::x\": 1\n");
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" };

        var result = CliRun.InProcess(_platform.Path, env, "validate");

        Assert.Equal(1, result.ExitCode);
        var commandLines = (result.Out + result.Error).Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(commandLines);
        Assert.All(commandLines, l => Assert.StartsWith("::error file=teams/evil.yaml,line=7,col=5,title=SCHEMA001::", l, StringComparison.Ordinal));
        Assert.DoesNotContain("\n::add-mask::", "\n" + result.Out + result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _platform.Dispose();
}
