using System.Text.Json.Nodes;
using Onboarding.Core.Compilation;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// Which forms are written where: outputs.formats for every environment, environments.&lt;env&gt;.formats for one;
/// json always; the catalog and the manifest list what was written.
/// </summary>
public class OutputFormatSpecs
{
    private const string PerEnvironment = """
        schema_version: 1
        github:
          org: acme-data
        airflow:
          version: "3.2"
          git_conn_id: github_default
          defaults: {tracking_ref: main}
        environments:
          dev: {formats: [json, env]}
          qa: {}
          prod: {formats: [json, cfg, helm, configmap]}
        outputs:
          formats: [json, configmap]
        """;

    private static PlatformFixture Platform(string config = PerEnvironment) => new PlatformFixture(config).WriteSimpleTeam("data");

    private static string[] Files(PlatformFixture platform, string environment) =>
        [.. Directory.GetFiles(platform.PathOf($"generated/{environment}")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void An_environments_formats_override_the_platforms_and_json_is_always_written()
    {
        using var platform = Platform();

        Assert.Empty(platform.Compile().Errors());

        Assert.Equal(["airflow.env", "dag_bundle_config.json"], Files(platform, "dev"));
        Assert.Equal(["configmap.yaml", "dag_bundle_config.json"], Files(platform, "qa"));
        Assert.Equal(["airflow.cfg", "configmap.yaml", "dag_bundle_config.json", "helm-values.yaml"], Files(platform, "prod"));
    }

    [Fact]
    public void Without_formats_every_environment_gets_json_env_and_configmap()
    {
        using var platform = Platform(PlatformFixture.DefaultConfig);

        Assert.Empty(platform.Compile().Errors());

        Assert.Equal(["airflow.env", "configmap.yaml", "dag_bundle_config.json"], Files(platform, "dev"));
        Assert.Equal(["airflow.env", "configmap.yaml", "dag_bundle_config.json"], Files(platform, "prod"));
    }

    [Fact]
    public void The_configmap_holds_the_environment_variable_only_when_env_is_selected()
    {
        using var platform = Platform(PerEnvironment.Replace("qa: {}", "qa: {formats: [json, env, configmap]}", StringComparison.Ordinal));

        Assert.Empty(platform.Compile().Errors());

        Assert.Contains(ArtifactPaths.EnvVariable, platform.Read("generated/qa/configmap.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain(ArtifactPaths.EnvVariable, platform.Read("generated/prod/configmap.yaml"), StringComparison.Ordinal);
        Assert.Contains("  dag_bundle_config.json: |\n", platform.Read("generated/prod/configmap.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_lists_each_environments_formats_and_the_hash_of_every_file_written()
    {
        using var platform = Platform();
        Assert.Empty(platform.Compile().Errors());

        var manifest = JsonNode.Parse(platform.Read("generated/manifest.json"))!;

        Assert.Equal(["json", "env"], manifest["formats"]!["dev"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(["json", "configmap"], manifest["formats"]!["qa"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(["json", "configmap", "cfg", "helm"], manifest["formats"]!["prod"]!.AsArray().Select(f => (string)f!));
        var outputs = manifest["outputs"]!.AsObject().Select(o => o.Key).ToArray();
        Assert.Contains("generated/prod/airflow.cfg", outputs);
        Assert.Contains("generated/prod/helm-values.yaml", outputs);
        Assert.DoesNotContain("generated/qa/airflow.env", outputs);
    }

    [Fact]
    public void The_catalog_links_the_files_written_for_each_environment()
    {
        using var platform = Platform();
        Assert.Empty(platform.Compile().Errors());

        var catalog = platform.Read("generated/README.md");

        Assert.Contains("| [dev](#dev) | 1 | 1 | [dag_bundle_config.json](dev/dag_bundle_config.json), [airflow.env](dev/airflow.env) |", catalog, StringComparison.Ordinal);
        Assert.Contains(
            "| [prod](#prod) | 1 | 1 | [dag_bundle_config.json](prod/dag_bundle_config.json), [configmap.yaml](prod/configmap.yaml), [airflow.cfg](prod/airflow.cfg), [helm-values.yaml](prod/helm-values.yaml) |",
            catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_taken_off_an_environment_is_deleted_and_check_reports_it_until_compiled()
    {
        using var platform = Platform();
        Assert.Empty(platform.Compile().Errors());

        platform.WriteConfig(PerEnvironment.Replace("prod: {formats: [json, cfg, helm, configmap]}", "prod: {formats: [json, cfg]}", StringComparison.Ordinal));
        var check = platform.Check();
        var compile = platform.Compile();

        Assert.Contains(check.Changes, c => c.Path == "generated/prod/helm-values.yaml" && c.Status == ArtifactStatus.Deleted);
        Assert.Contains(compile.Changes, c => c.Path == "generated/prod/helm-values.yaml" && c.Status == ArtifactStatus.Deleted);
        Assert.Equal(["airflow.cfg", "dag_bundle_config.json"], Files(platform, "prod"));
    }

    [Theory]
    [InlineData("dev: {formats: [json, yaml]}", "SCHEMA007", "'yaml' is not an output format")]
    [InlineData("dev: {formats: [env]}", "CFG006", "'environments.dev.formats' must include json")]
    public void An_environments_formats_are_checked_like_the_platforms(string dev, string code, string message)
    {
        using var platform = Platform(PerEnvironment.Replace("dev: {formats: [json, env]}", dev, StringComparison.Ordinal));

        var errors = platform.Validate().Errors();

        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
