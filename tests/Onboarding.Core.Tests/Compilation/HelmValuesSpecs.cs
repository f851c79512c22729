using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// The helm form: generated/&lt;env&gt;/helm-values.yaml passes the official chart's values schema (what
/// <c>helm install</c> checks; Fixtures/helm-chart) and gives the chart exactly the compiled list, through
/// <c>dagProcessor.dagBundleConfigList</c> when the chart can carry it, else through the chart's
/// <c>config.dag_processor.dag_bundle_config_list</c> string with a comment saying why.
/// </summary>
public class HelmValuesSpecs
{
    private const string HelmOnly = "\noutputs: {formats: [json, helm]}\n";

    private static readonly Lazy<JsonSchema> ChartSchema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "helm-chart", "values.schema.json"))).GetAwaiter().GetResult());

    private static PlatformFixture Platform(string bundles, string config = PlatformFixture.DefaultConfig)
    {
        var platform = new PlatformFixture(config + HelmOnly);
        platform.WriteTeam("data", $"""
            schema_version: 1
            name: data
            owners: {"{"}github_team: data-eng{"}"}
            bundles:
            {bundles}
            """);
        platform.WriteSimpleTeam("ops");
        return platform;
    }

    private const string ScalarBundles = """
          - name: data
            repo: airflow-data
            submodules: true
            refresh_interval: 60
          - name: data-reports
            repo: https://github.com/acme-shared/reports
            subdir: "reports/it's {{ here }}"
        """;

    private static JsonNode Values(PlatformFixture platform, string environment) =>
        YamlJson.Parse(platform.Read($"generated/{environment}/helm-values.yaml"))!;

    private static JsonNode CompiledList(PlatformFixture platform, string environment) =>
        JsonNode.Parse(platform.Read($"generated/{environment}/dag_bundle_config.json"))!;

    private static void AssertValidForTheChart(JsonNode values)
    {
        var errors = ChartSchema.Value.Validate(values.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    /// <summary>What the chart's dag_bundle_config_list helper renders from dagProcessor.dagBundleConfigList: name, classpath and kwargs of each item.</summary>
    private static JsonArray ChartRendering(JsonNode values) =>
        new JsonArray([.. values["dagProcessor"]!["dagBundleConfigList"]!.AsArray().Select(item => new JsonObject
        {
            ["classpath"] = item!["classpath"]!.DeepClone(),
            ["kwargs"] = (item["kwargs"] ?? new JsonObject()).DeepClone(),
            ["name"] = item["name"]!.DeepClone(),
        })]);

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Scalar_kwargs_go_to_dagBundleConfigList_which_the_chart_schema_accepts_and_renders_to_the_list(string environment)
    {
        using var platform = Platform(ScalarBundles);
        Assert.Empty(platform.Compile().Errors());

        var values = Values(platform, environment);

        AssertValidForTheChart(values);
        Assert.Null(values["config"]);
        Assert.True(JsonNode.DeepEquals(CompiledList(platform, environment), ChartRendering(values)));
    }

    [Fact]
    public void A_list_kwarg_uses_the_charts_config_string_and_the_file_says_which_bundle_and_why()
    {
        using var platform = Platform(ScalarBundles + "\n    sparse_dirs: [reports, common]");
        Assert.Empty(platform.Compile().Errors());

        var text = platform.Read("generated/prod/helm-values.yaml");
        var values = Values(platform, "prod");

        AssertValidForTheChart(values);
        Assert.Null(values["dagProcessor"]);
        Assert.Contains("bundle 'data-reports' sets sparse_dirs, a list", text, StringComparison.Ordinal);
        Assert.Contains("deprecated", text, StringComparison.Ordinal);
        var list = JsonNode.Parse((string)values["config"]!["dag_processor"]!["dag_bundle_config_list"]!)!;
        Assert.True(JsonNode.DeepEquals(CompiledList(platform, "prod"), list));
    }

    [Fact]
    public void Team_names_use_the_charts_config_string_because_older_charts_drop_them()
    {
        var config = PlatformFixture.DefaultConfig.Replace("version: \"3.2\"", "version: \"3.2\"\n  multi_team: true", StringComparison.Ordinal);
        using var platform = Platform(ScalarBundles, config);
        Assert.Empty(platform.Compile().Errors());

        var values = Values(platform, "dev");

        AssertValidForTheChart(values);
        Assert.Contains("has a team_name", platform.Read("generated/dev/helm-values.yaml"), StringComparison.Ordinal);
        var list = JsonNode.Parse((string)values["config"]!["dag_processor"]!["dag_bundle_config_list"]!)!;
        Assert.Equal("data", (string)list[0]!["team_name"]!);
        Assert.True(JsonNode.DeepEquals(CompiledList(platform, "dev"), list));
    }

    [Fact]
    public void A_percent_sign_uses_the_config_string_where_it_is_escaped_for_airflows_config_parser_and_the_charts_templates()
    {
        using var platform = Platform(ScalarBundles + "\n    tracking_ref: \"release-100%\"");
        Assert.Empty(platform.Compile().Errors());

        var values = Values(platform, "prod");
        var line = (string)values["config"]!["dag_processor"]!["dag_bundle_config_list"]!;

        AssertValidForTheChart(values);
        Assert.Contains("'%' or '$' in tracking_ref", platform.Read("generated/prod/helm-values.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain('%', line);
        Assert.DoesNotContain("{{", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\'', line);
        Assert.True(JsonNode.DeepEquals(CompiledList(platform, "prod"), JsonNode.Parse(line)));
    }

    [Fact]
    public void The_file_says_how_to_pass_it_to_helm_upgrade()
    {
        using var platform = Platform(ScalarBundles);
        Assert.Empty(platform.Compile().Errors());

        Assert.Contains("#   helm upgrade --install airflow apache-airflow/airflow -f values.yaml -f generated/dev/helm-values.yaml",
            platform.Read("generated/dev/helm-values.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_schema_fixture_refuses_what_the_chart_refuses()
    {
        var listKwarg = JsonNode.Parse("""{"dagProcessor": {"dagBundleConfigList": [{"name": "a", "classpath": "c", "kwargs": {"sparse_dirs": ["x"]}}]}}""")!;
        var teamName = JsonNode.Parse("""{"dagProcessor": {"dagBundleConfigList": [{"name": "a", "classpath": "c", "kwargs": {}, "team_name": "t"}]}}""")!;

        Assert.NotEmpty(ChartSchema.Value.Validate(listKwarg.ToJsonString()));
        Assert.NotEmpty(ChartSchema.Value.Validate(teamName.ToJsonString()));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_example_platforms_helm_values_pass_the_chart_schema_and_carry_its_lists(string environment)
    {
        var values = YamlJson.Parse(File.ReadAllText(RepositoryRoot.Combine("generated", environment, "helm-values.yaml")))!;
        var expected = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("generated", environment, "dag_bundle_config.json")))!;

        AssertValidForTheChart(values);
        var carried = values["dagProcessor"] is null
            ? JsonNode.Parse((string)values["config"]!["dag_processor"]!["dag_bundle_config_list"]!)!
            : ChartRendering(values);
        Assert.True(JsonNode.DeepEquals(expected, carried));
    }

    [Theory]
    [InlineData("structured", "")]
    [InlineData("config-string", "\n    sparse_dirs: [reports, common]")]
    public void The_helm_form_matches_its_golden_file(string name, string extra)
    {
        using var platform = Platform(ScalarBundles + extra);
        Assert.Empty(platform.Compile().Errors());

        Golden.AssertMatches(RepositoryRoot.Combine("tests", "Onboarding.Core.Tests", "Compilation", "Golden", $"helm-values.{name}.yaml"), platform.Read("generated/prod/helm-values.yaml"));
    }
}
