using System.Text.Json.Nodes;
using CliWrap;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// The cfg form: generated/&lt;env&gt;/airflow.cfg holds a [dag_processor] section whose dag_bundle_config_list,
/// read as Airflow reads airflow.cfg (configparser, '%' interpolation, '$' expansion), is exactly the compiled list.
/// </summary>
public sealed class AirflowCfgFormSpecs : IDisposable
{
    /// <summary>Reads the value as Airflow does: configparser with its default '%' interpolation, then $VARIABLE expansion.</summary>
    private const string ReadAsAirflow = """
        import configparser, json, os, sys
        parser = configparser.ConfigParser(strict=True)
        with open(sys.argv[1], encoding="utf-8") as f:
            parser.read_file(f)
        value = os.path.expandvars(parser.get("dag_processor", "dag_bundle_config_list"))
        with open(sys.argv[2], encoding="utf-8") as f:
            expected = json.load(f)
        if json.loads(value) != expected:
            sys.exit("the cfg value reads back as " + value)
        print(len(expected), "bundles equal")
        """;

    private readonly PlatformFixture _platform = new(PlatformFixture.DefaultConfig + "\noutputs: {formats: [json, cfg]}\n");

    public AirflowCfgFormSpecs()
    {
        _platform.WriteTeam("data", """
            schema_version: 1
            name: data
            owners: {github_team: data-eng}
            bundles:
              - name: data
                repo: airflow-data
                sparse_dirs: [dags, common]
                submodules: true
              - name: data-reports
                repo: https://github.com/acme-shared/reports
                subdir: "reports/100%/$HOME"
                view_url_template: "https://git.example.com/{version}/%7Bx%7D/$PATH?a=1&b='x'"
                environments:
                  prod: {tracking_ref: "v1.2%"}
            """);
        _platform.WriteSimpleTeam("ops");
    }

    public void Dispose() => _platform.Dispose();

    public static TheoryData<string> Environments() => ["dev", "prod"];

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_import_reader_reads_the_cfg_back_to_exactly_the_compiled_list(string environment)
    {
        Assert.Empty(_platform.Compile().Errors());
        var diagnostics = new DiagnosticBag();

        var read = AirflowCfgReader.Read(_platform.Read($"generated/{environment}/airflow.cfg"), "airflow.cfg", diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));
        Assert.True(JsonNode.DeepEquals(Json(_platform.Read($"generated/{environment}/dag_bundle_config.json")), Json(read!.Json)));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Pythons_configparser_reads_the_cfg_back_to_exactly_the_compiled_list(string environment)
    {
        Assert.Empty(_platform.Compile().Errors());

        var result = ChildProcess.Run(
            Cli.Wrap("python3")
                .WithArguments(["-c", ReadAsAirflow, _platform.PathOf($"generated/{environment}/airflow.cfg"), _platform.PathOf($"generated/{environment}/dag_bundle_config.json")])
                .WithEnvironmentVariables(env => env.Set("HOME", "/home/somebody")),
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.Contains("bundles equal", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Pythons_configparser_reads_the_example_platforms_cfg_back_to_its_list()
    {
        var result = ChildProcess.Run(
            Cli.Wrap("python3").WithArguments(["-c", ReadAsAirflow, RepositoryRoot.Combine("generated", "prod", "airflow.cfg"), RepositoryRoot.Combine("generated", "prod", "dag_bundle_config.json")]),
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
    }

    [Fact]
    public void Percent_and_dollar_signs_are_json_escapes_that_neither_configparser_nor_Airflow_rewrites()
    {
        Assert.Empty(_platform.Compile().Errors());

        var cfg = _platform.Read("generated/prod/airflow.cfg");
        var section = cfg[cfg.IndexOf("[dag_processor]", StringComparison.Ordinal)..];

        Assert.DoesNotContain('%', section);
        Assert.DoesNotContain('$', section);
        Assert.Contains("100\\u0025", section, StringComparison.Ordinal);
        Assert.Contains("\\u0024HOME", section, StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_starts_with_how_to_merge_it_into_the_deployments_airflow_cfg()
    {
        Assert.Empty(_platform.Compile().Errors());

        var header = _platform.Read("generated/dev/airflow.cfg").Split('\n').TakeWhile(l => l.StartsWith('#')).ToArray();

        Assert.Contains(header, l => l.Contains("Do not edit", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("replace the", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST", StringComparison.Ordinal));
        Assert.Contains(header, l => l.Contains("restart", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_list_is_one_line()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig.Replace("prod: {}", "prod: {allow_empty: true}", StringComparison.Ordinal)
            + "\noutputs: {formats: [json, cfg]}\n");
        platform.WriteTeam("data", """
            schema_version: 1
            name: data
            owners: {github_team: data-eng}
            bundles:
              - name: data
                repo: airflow-data
                environments: {dev: {}}
            """);

        Assert.Empty(platform.Compile().Errors());

        Assert.EndsWith("[dag_processor]\ndag_bundle_config_list = []\n", platform.Read("generated/prod/airflow.cfg"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_cfg_form_matches_its_golden_file()
    {
        Assert.Empty(_platform.Compile().Errors());

        Golden.AssertMatches(RepositoryRoot.Combine("tests", "Onboarding.Core.Tests", "Compilation", "Golden", "airflow.cfg"), _platform.Read("generated/prod/airflow.cfg"));
    }
}
