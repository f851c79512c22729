using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Import;

/// <summary>
/// Lists modelled on the Airflow documentation's dag_bundle_config_list examples, read from a real
/// airflow.cfg, an env file and a JSON file: after import, compile gives back the same bundles with
/// the same kwargs.
/// </summary>
public class ImportRoundTripSpecs
{
    // The same two bundles in every source format below.
    private const string DocsList = """
        [
          {
            "name": "analytics",
            "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
            "kwargs": {
              "repo_url": "https://github.com/acme-data/airflow-analytics.git",
              "tracking_ref": "main",
              "subdir": "dags",
              "git_conn_id": "github_default",
              "refresh_interval": 300
            }
          },
          {
            "name": "ml-features",
            "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
            "kwargs": {
              "repo_url": "https://github.com/acme-shared/ml-feature-dags.git",
              "tracking_ref": "release/2025-01",
              "subdir": "airflow/dags",
              "git_conn_id": "github_ml",
              "refresh_interval": 60,
              "submodules": true,
              "sparse_dirs": ["airflow", "common"]
            }
          }
        ]
        """;

    private const string ProdOnlyConfig = """
        schema_version: 1
        github:
          org: acme-data
        airflow:
          version: "3.2"
          git_conn_id: github_default
          defaults: {tracking_ref: main, subdir: dags, refresh_interval: 300}
        environments:
          prod: {}
        policy:
          repo_owners: [acme-data, acme-shared]
        """;

    [Fact]
    public void A_multi_line_airflow_cfg_round_trips()
    {
        using var platform = new PlatformFixture(ProdOnlyConfig);
        const string Cfg = """
            [core]
            dags_folder = /opt/airflow/dags
            load_examples = False

            [dag_processor]
            # Bundles the dag processor parses; see the Airflow docs on DAG bundles.
            refresh_interval = 300
            dag_bundle_config_list = [
                {
                  "name": "analytics",
                  "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
                  "kwargs": {
                    "repo_url": "https://github.com/acme-data/airflow-analytics.git",
            # a comment line inside the value is skipped by configparser
                    "tracking_ref": "main",

                    "subdir": "dags",
                    "git_conn_id": "github_default",
                    "refresh_interval": 300
                  }
                },
                {
                  "name": "ml-features",
                  "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
                  "kwargs": {
                    "repo_url": "https://github.com/acme-shared/ml-feature-dags.git",
                    "tracking_ref": "release/2025-01",
                    "subdir": "airflow/dags",
                    "git_conn_id": "github_ml",
                    "refresh_interval": 60,
                    "submodules": true,
                    "sparse_dirs": ["airflow", "common"]
                  }
                }
              ]
            stale_bundle_cleanup_interval = 1800

            [scheduler]
            parsing_processes = 2
            """;

        platform.Import("airflow.cfg", Cfg).AssertNoErrors();

        Assert.Equal(["analytics.yaml", "ml-features.yaml"], platform.TeamFiles());
        Assert.False(platform.Compile().HasErrors);
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("prod"));
    }

    [Fact]
    public void A_one_line_cfg_value_with_colon_delimiter_and_upper_case_key_round_trips()
    {
        using var platform = new PlatformFixture(ProdOnlyConfig);
        var oneLine = DocsList.ReplaceLineEndings(" ");

        platform.Import("airflow.cfg", $"[dag_processor]\nDAG_BUNDLE_CONFIG_LIST: {oneLine}\n").AssertNoErrors();

        platform.Compile();
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("prod"));
    }

    [Theory]
    [InlineData("export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST='{0}'")]
    [InlineData("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST={0}")]
    [InlineData("  export AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=\"{1}\"  # set by the platform team")]
    public void An_env_file_or_shell_export_round_trips(string line)
    {
        using var platform = new PlatformFixture(ProdOnlyConfig);
        var minified = string.Join("", DocsList.Split('\n').Select(l => l.Trim()));
        var escaped = minified.Replace("\"", "\\\"", StringComparison.Ordinal);
        var env = $"AIRFLOW__CORE__LOAD_EXAMPLES=False\n# the bundle list\n{string.Format(System.Globalization.CultureInfo.InvariantCulture, line, minified, escaped)}\nAIRFLOW__CORE__PARALLELISM=32\n";

        platform.Import("airflow.env", env).AssertNoErrors();

        platform.Compile();
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("prod"));
    }

    [Fact]
    public void A_json_file_with_team_names_groups_bundles_into_teams_and_round_trips()
    {
        using var platform = new PlatformFixture("""
            schema_version: 1
            github:
              org: acme-data
            airflow:
              version: "3.2"
              multi_team: true
              defaults: {tracking_ref: main}
            environments:
              dev: {tracking_ref: develop}
              prod: {}
            """);
        const string List = """
            [
              {"name": "sales-daily", "team_name": "sales", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/sales-dags.git", "tracking_ref": "main", "subdir": "daily", "git_conn_id": "git_sales"}},
              {"name": "sales-adhoc", "team_name": "sales", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/sales-dags.git", "tracking_ref": "main", "subdir": "adhoc", "git_conn_id": "git_sales", "refresh_interval": 600}},
              {"name": "finance", "team_name": "finance", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/finance.git", "tracking_ref": "v3.1.0"}}
            ]
            """;

        platform.Import("bundles.json", List).AssertNoErrors();

        Assert.Equal(["finance.yaml", "sales.yaml"], platform.TeamFiles());
        Assert.False(platform.Compile().HasErrors);
        ImportHarness.AssertEquivalent(List, platform.CompiledList("dev"));
        ImportHarness.AssertEquivalent(List, platform.CompiledList("prod"));
        var sales = platform.Read("teams/sales.yaml");
        Assert.Contains("repo: sales-dags", sales, StringComparison.Ordinal);
        Assert.Contains("tracking_ref: main", sales, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_the_platform_gives_anyway_are_left_out_of_the_team_file()
    {
        using var platform = new PlatformFixture(ProdOnlyConfig);

        platform.Import("bundles.json", DocsList).AssertNoErrors();

        var analytics = platform.Read("teams/analytics.yaml");
        Assert.DoesNotContain("tracking_ref", analytics, StringComparison.Ordinal);
        Assert.DoesNotContain("subdir", analytics, StringComparison.Ordinal);
        Assert.DoesNotContain("git_conn_id", analytics, StringComparison.Ordinal);
        Assert.Contains("repo: airflow-analytics\n", analytics, StringComparison.Ordinal);
        Assert.Contains("repo: \"https://github.com/acme-shared/ml-feature-dags.git\"\n", platform.Read("teams/ml-features.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_equal_to_the_default_is_kept_when_an_environment_would_change_it()
    {
        using var platform = new PlatformFixture();

        platform.Import("bundles.json", DocsList).AssertNoErrors();

        // dev tracks 'develop' by default; the imported list says 'main' for every environment.
        Assert.Contains("tracking_ref: main", platform.Read("teams/analytics.yaml"), StringComparison.Ordinal);
        platform.Compile();
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("dev"));
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("prod"));
    }

    [Fact]
    public void Importing_one_list_per_environment_gives_each_environment_its_own_list()
    {
        using var platform = new PlatformFixture();
        const string Dev = """
            [
              {"name": "payments", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/airflow-payments.git", "tracking_ref": "feature/settlement-v2", "subdir": "dags", "git_conn_id": "github_default", "refresh_interval": 30}},
              {"name": "sandbox", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/sandbox.git", "tracking_ref": "develop", "subdir": "dags", "git_conn_id": "github_default", "refresh_interval": 300}}
            ]
            """;
        const string Prod = """
            [
              {"name": "payments", "classpath": "airflow.providers.git.bundles.git.GitDagBundle",
               "kwargs": {"repo_url": "https://github.com/acme-data/airflow-payments.git", "tracking_ref": "v2.4.1", "subdir": "dags", "git_conn_id": "github_default", "refresh_interval": 900}}
            ]
            """;

        platform.Import("dev.json", Dev, environment: "dev").AssertNoErrors();
        var second = platform.Import("prod.json", Prod, environment: "prod");

        second.AssertNoErrors();
        Assert.Equal([ImportFileStatus.Updated], second.Files.Select(f => f.Status));
        Assert.False(platform.Compile().HasErrors);
        ImportHarness.AssertEquivalent(Dev, platform.CompiledList("dev"));
        ImportHarness.AssertEquivalent(Prod, platform.CompiledList("prod"));
        Assert.Contains("""
                environments:
                  dev:
                    tracking_ref: feature/settlement-v2
                    refresh_interval: 30
                  prod:
                    tracking_ref: v2.4.1
                    refresh_interval: 900
            """, platform.Read("teams/payments.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_the_same_environment_again_changes_nothing()
    {
        using var platform = new PlatformFixture();
        platform.Import("dev.json", DocsList, environment: "dev").AssertNoErrors();
        var before = platform.Read("teams/analytics.yaml");

        var again = platform.Import("dev.json", DocsList, environment: "dev");

        again.AssertNoErrors();
        Assert.Empty(again.Files);
        Assert.Equal(before, platform.Read("teams/analytics.yaml"));
    }

    [Fact]
    public void A_repo_url_without_dot_git_is_imported_and_the_normalisation_is_reported()
    {
        using var platform = new PlatformFixture(ProdOnlyConfig);
        var list = DocsList.Replace("airflow-analytics.git", "airflow-analytics", StringComparison.Ordinal);

        var result = platform.Import("bundles.json", list);

        result.AssertNoErrors();
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ImportNormalised && d.Message.Contains("'analytics'", StringComparison.Ordinal));
        platform.Compile();
        ImportHarness.AssertEquivalent(DocsList, platform.CompiledList("prod"));
    }
}
