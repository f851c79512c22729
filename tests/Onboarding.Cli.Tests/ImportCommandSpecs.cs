using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

public class ImportCommandSpecs
{
    private const string List = """
        [
          {
            "name": "analytics",
            "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
            "kwargs": {
              "repo_url": "https://github.com/acme-data/airflow-analytics.git",
              "tracking_ref": "main",
              "subdir": "dags",
              "git_conn_id": "github_default",
              "refresh_interval": 60
            }
          }
        ]
        """;

    private static TempDirectory Platform()
    {
        var dir = new TempDirectory("onboard-cli-import");
        Assert.Equal(0, CliRun.InProcess(dir.Path, "init", "--org", "acme-data", "--action", "octo/onboard@0123456789abcdef0123456789abcdef01234567").ExitCode);
        return dir;
    }

    [Fact]
    public void Import_from_an_airflow_cfg_then_compile_gives_the_same_list()
    {
        using var dir = Platform();
        dir.Write("old/airflow.cfg", "[dag_processor]\ndag_bundle_config_list = " + List.Replace("\n", "\n    ", StringComparison.Ordinal) + "\n");

        var import = CliRun.InProcess(dir.Path, "import", "--from", "old/airflow.cfg");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("created teams/analytics.yaml", import.Out, StringComparison.Ordinal);
        Assert.Contains("warning IMP017", import.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.InProcess(dir.Path, "compile").ExitCode);
        foreach (var environment in new[] { "dev", "staging", "prod" })
        {
            Assert.Equal(Canonical(List), Canonical(dir.Read($"generated/{environment}/dag_bundle_config.json")));
        }
    }

    [Fact]
    public void Dry_run_prints_the_team_files_and_writes_nothing()
    {
        using var dir = Platform();
        dir.Write("bundles.json", List);

        var import = CliRun.InProcess(dir.Path, "import", "--from", "bundles.json", "--dry-run");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("would create teams/analytics.yaml\n# yaml-language-server: $schema=../schemas/team.schema.json\n", import.Out, StringComparison.Ordinal);
        Assert.Contains("refresh_interval: 60", import.Out, StringComparison.Ordinal);
        Assert.Contains("1 bundle for every environment (dev, staging, prod) in 1 team file (dry run: nothing written)", import.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("teams/analytics.yaml")));
    }

    [Fact]
    public void An_inexpressible_list_exits_1_names_the_bundle_and_writes_nothing()
    {
        using var dir = Platform();
        dir.Write("airflow.env", "export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='" +
            List.Replace("\"refresh_interval\": 60", "\"refresh_interval\": 60, \"depth\": 1", StringComparison.Ordinal).ReplaceLineEndings(" ") + "'\n");

        var import = CliRun.InProcess(dir.Path, "import", "--from", "airflow.env", "--environment", "prod");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("airflow.env:1:", import.Error, StringComparison.Ordinal);
        Assert.Contains("error IMP007: dag_bundle_config_list[0].kwargs.depth (bundle 'analytics')", import.Error, StringComparison.Ordinal);
        Assert.Contains("1 errors; nothing was written", import.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("teams/analytics.yaml")));
    }

    [Fact]
    public void Import_without_onboarding_yaml_points_at_init()
    {
        using var dir = new TempDirectory("onboard-cli-import");
        dir.Write("bundles.json", List);

        var import = CliRun.InProcess(dir.Path, "import", "--from", "bundles.json");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("onboarding.yaml not found", import.Error, StringComparison.Ordinal);
        Assert.Contains("onboard init", import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_overrides_the_extension()
    {
        using var dir = Platform();
        dir.Write("bundles.txt", List);

        var import = CliRun.InProcess(dir.Path, "import", "--from", "bundles.txt", "--format", "json", "--environment", "dev");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("1 bundle for environment 'dev' in 1 team file;", import.Out, StringComparison.Ordinal);
        Assert.Contains("    environments:\n      dev:\n        refresh_interval: 60\n", dir.Read("teams/analytics.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("import", "--from", "x.cfg", "--format", "xml")]
    public void A_usage_error_exits_2(params string[] args)
    {
        using var dir = Platform();

        Assert.Equal(2, CliRun.InProcess(dir.Path, args).ExitCode);
    }

    [Fact]
    public void Json_output_lists_the_files_and_the_diagnostics()
    {
        using var dir = Platform();
        dir.Write("bundles.json", List);

        var import = CliRun.InProcess(dir.Path, "import", "--from", "bundles.json", "--json");

        Assert.Equal(0, import.ExitCode);
        using var report = JsonDocument.Parse(import.Out);
        Assert.True(report.RootElement.GetProperty("ok").GetBoolean());
        var file = Assert.Single(report.RootElement.GetProperty("files").EnumerateArray());
        Assert.Equal("teams/analytics.yaml", file.GetProperty("path").GetString());
        Assert.Equal("created", file.GetProperty("status").GetString());
        Assert.Contains(report.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "IMP017");
    }

    private static string Canonical(string list)
    {
        using var document = JsonDocument.Parse(list);
        return string.Join("\n", document.RootElement.EnumerateArray()
            .Select(b => b.GetProperty("name").GetString() + " " + b.GetProperty("classpath").GetString() + " " +
                string.Join(",", b.GetProperty("kwargs").EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value.GetRawText()}")))
            .Order(StringComparer.Ordinal));
    }
}
