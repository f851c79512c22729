using System.Text.Json;
using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>What a compile produces and how it treats the files already on disk.</summary>
public class CompilerSpecs
{
    private static JsonElement Bundle(PlatformFixture platform, string environment, string name)
    {
        using var document = JsonDocument.Parse(platform.Read($"generated/{environment}/dag_bundle_config.json"));
        return document.RootElement.EnumerateArray().Single(b => b.GetProperty("name").GetString() == name).Clone();
    }

    [Fact]
    public void Settings_cascade_from_bundle_environment_to_bundle_to_platform_environment_to_defaults()
    {
        using var platform = new PlatformFixture().WriteTeam("data", """
            schema_version: 1
            name: data
            owners: {github_team: data-eng}
            bundles:
              - name: plain
                repo: plain
              - name: bundle-level
                repo: bundle-level
                tracking_ref: stable
                subdir: src/dags
              - name: env-level
                repo: env-level
                tracking_ref: stable
                environments:
                  dev: {tracking_ref: feature-x, refresh_interval: 30}
                  prod: {}
            """);

        Assert.Empty(platform.Compile().Errors());

        Assert.Equal("develop", Bundle(platform, "dev", "plain").GetProperty("kwargs").GetProperty("tracking_ref").GetString());
        Assert.Equal("main", Bundle(platform, "prod", "plain").GetProperty("kwargs").GetProperty("tracking_ref").GetString());
        Assert.Equal("stable", Bundle(platform, "dev", "bundle-level").GetProperty("kwargs").GetProperty("tracking_ref").GetString());
        Assert.Equal("src/dags", Bundle(platform, "dev", "bundle-level").GetProperty("kwargs").GetProperty("subdir").GetString());
        Assert.Equal("feature-x", Bundle(platform, "dev", "env-level").GetProperty("kwargs").GetProperty("tracking_ref").GetString());
        Assert.Equal(30, Bundle(platform, "dev", "env-level").GetProperty("kwargs").GetProperty("refresh_interval").GetInt32());
        Assert.Equal("stable", Bundle(platform, "prod", "env-level").GetProperty("kwargs").GetProperty("tracking_ref").GetString());
        Assert.Equal(300, Bundle(platform, "prod", "env-level").GetProperty("kwargs").GetProperty("refresh_interval").GetInt32());
    }

    [Fact]
    public void A_bundle_appears_only_in_the_environments_it_lists()
    {
        using var platform = new PlatformFixture().WriteTeam("data", """
            schema_version: 1
            name: data
            owners: {github_team: data-eng}
            bundles:
              - name: data
                repo: data
              - name: data-prod-only
                repo: data
                environments: {prod: }
            """);

        platform.Compile();

        Assert.DoesNotContain("data-prod-only", platform.Read("generated/dev/dag_bundle_config.json"), StringComparison.Ordinal);
        Assert.Contains("data-prod-only", platform.Read("generated/prod/dag_bundle_config.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_sorted_typed_and_formatted_for_json_loads()
    {
        using var platform = new PlatformFixture()
            .WriteTeam("zeta", "schema_version: 1\nname: zeta\nowners: {github_team: z}\nbundles:\n  - name: zeta\n    repo: z\n    submodules: false\n    sparse_dirs: [dags]\n")
            .WriteSimpleTeam("alpha");

        platform.Compile();
        var bytes = File.ReadAllBytes(platform.PathOf("generated/prod/dag_bundle_config.json"));
        var text = platform.Read("generated/prod/dag_bundle_config.json");

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("]\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.StartsWith("[\n  {\n    \"classpath\"", text, StringComparison.Ordinal);
        var zeta = Bundle(platform, "prod", "zeta").GetProperty("kwargs");
        Assert.Equal(JsonValueKind.False, zeta.GetProperty("submodules").ValueKind);
        Assert.Equal(JsonValueKind.Array, zeta.GetProperty("sparse_dirs").ValueKind);
        Assert.Equal(JsonValueKind.Number, zeta.GetProperty("refresh_interval").ValueKind);
        using var document = JsonDocument.Parse(text);
        Assert.Equal(new[] { "alpha", "zeta" }, document.RootElement.EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(
            zeta.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal),
            zeta.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Team_name_is_emitted_only_with_multi_team()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig.Replace("version: \"3.2\"", "version: \"3.2\"\n  multi_team: true", StringComparison.Ordinal))
            .WriteSimpleTeam("data");

        platform.Compile();

        Assert.Equal("data", Bundle(platform, "prod", "data").GetProperty("team_name").GetString());
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("3.1")]
    public void Multi_team_before_Airflow_32_is_a_config_error(string version)
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig.Replace("version: \"3.2\"", $"version: \"{version}\"\n  multi_team: true", StringComparison.Ordinal))
            .WriteSimpleTeam("data");

        var result = platform.Compile();

        var error = result.SingleError(DiagnosticCodes.MultiTeamNeedsNewerAirflow, "onboarding.yaml", 6, 15);
        Assert.Contains(version, error.Message, StringComparison.Ordinal);
        Assert.False(platform.Exists("generated/prod/dag_bundle_config.json"));
    }

    [Fact]
    public void Compiling_the_same_inputs_twice_rewrites_nothing()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();
        var files = Directory.GetFiles(platform.PathOf("generated"), "*", SearchOption.AllDirectories);
        var past = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, past);
        }

        var result = platform.Compile();

        Assert.False(result.Changed);
        Assert.All(files, f => Assert.Equal(past, File.GetLastWriteTimeUtc(f)));
    }

    [Fact]
    public void Compiling_twice_gives_byte_identical_output()
    {
        using var first = new PlatformFixture().WriteSimpleTeam("data").WriteSimpleTeam("ops");
        using var second = new PlatformFixture().WriteSimpleTeam("ops").WriteSimpleTeam("data");

        first.Compile();
        second.Compile();

        foreach (var file in Directory.GetFiles(first.PathOf("generated"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(first.Root, file);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(second.PathOf(relative)));
        }
    }

    [Fact]
    public void A_failed_compile_leaves_the_previous_artifacts_untouched()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();
        var before = platform.Read("generated/prod/dag_bundle_config.json");
        platform.WriteTeam("data", "schema_version: 1\nname: data\nowners: {github_team: d}\nbundles:\n  - name: data\n    repo: \"https://evil.com/x/y\"\n");

        var result = platform.Compile();

        Assert.True(result.HasErrors);
        Assert.Equal(before, platform.Read("generated/prod/dag_bundle_config.json"));
        Assert.Empty(Directory.GetFiles(platform.PathOf("generated"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_environment_removed_from_the_config_loses_its_generated_files()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();
        platform.WriteConfig(PlatformFixture.DefaultConfig.Replace("  dev: {tracking_ref: develop}\n", "", StringComparison.Ordinal));

        var result = platform.Compile();

        Assert.Contains(result.Changes, c => c.Path == "generated/dev/dag_bundle_config.json" && c.Status == ArtifactStatus.Deleted);
        Assert.False(Directory.Exists(platform.PathOf("generated/dev")));
        Assert.True(platform.Exists("generated/prod/dag_bundle_config.json"));
    }

    [Fact]
    public void An_empty_environment_is_a_loud_warning_in_compile_and_an_error_in_check()
    {
        using var platform = new PlatformFixture().WriteTeam("data", "schema_version: 1\nname: data\nowners: {github_team: d}\nbundles:\n  - name: data\n    repo: data\n    environments: {prod: {}}\n");

        var compile = platform.Compile();
        var check = platform.Check();

        var warning = Assert.Single(compile.Diagnostics, d => d.Code == DiagnosticCodes.EmptyEnvironment);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation("onboarding.yaml", 9, 3), warning.Location);
        Assert.Contains("no DAGs", warning.Message, StringComparison.Ordinal);
        Assert.Equal("[]\n", platform.Read("generated/dev/dag_bundle_config.json"));
        check.SingleError(DiagnosticCodes.EmptyEnvironment, "onboarding.yaml", 9, 3);
    }

    [Fact]
    public void An_intended_empty_environment_is_accepted()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig.Replace("dev: {tracking_ref: develop}", "dev: {allow_empty: true}", StringComparison.Ordinal))
            .WriteTeam("data", "schema_version: 1\nname: data\nowners: {github_team: d}\nbundles:\n  - name: data\n    repo: data\n    environments: {prod: {}}\n");
        platform.Compile();

        var check = platform.Check();

        Assert.Empty(check.Diagnostics);
    }

    [Fact]
    public void Check_reports_added_removed_and_changed_bundles_per_environment_and_writes_nothing()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data").WriteSimpleTeam("old");
        platform.Compile();
        platform.WriteTeam("data", "schema_version: 1\nname: data\nowners: {github_team: d}\nbundles:\n  - name: data\n    repo: airflow-data\n    tracking_ref: release\n");
        File.Delete(platform.PathOf("teams/old.yaml"));
        platform.WriteSimpleTeam("new");
        var before = platform.Read("generated/prod/dag_bundle_config.json");

        var result = platform.Check();

        Assert.True(result.HasErrors);
        Assert.Equal(before, platform.Read("generated/prod/dag_bundle_config.json"));
        var prod = result.Environments.Single(e => e.Name == "prod").Diff;
        Assert.Equal(["new"], prod.Added);
        Assert.Equal(["old"], prod.Removed);
        var change = Assert.Single(prod.Changed);
        Assert.Equal("data", change.Name);
        Assert.Equal([new FieldChange("kwargs.tracking_ref", "\"main\"", "\"release\"")], change.Fields);
        Assert.Contains(result.Errors(), e => e.Code == DiagnosticCodes.StaleArtifact && e.Location == new SourceLocation("teams/data.yaml", 5, 11));
        Assert.Contains(result.Errors(), e => e.Code == DiagnosticCodes.StaleArtifact && e.Location == new SourceLocation("teams/new.yaml", 6, 11));
        Assert.Contains(result.Errors(), e => e.Code == DiagnosticCodes.StaleArtifact && e.Message.Contains("'old'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_names_a_hand_edited_artifact()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();
        File.AppendAllText(platform.PathOf("generated/prod/airflow.env"), "EXTRA=1\n");

        var result = platform.Check();

        var error = result.SingleError(DiagnosticCodes.HandEditedArtifact, "generated/prod/airflow.env", 1, 1);
        Assert.Contains("manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_explains_a_bundle_list_left_with_merge_conflict_markers()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();
        File.WriteAllText(platform.PathOf("generated/prod/dag_bundle_config.json"), "<<<<<<< HEAD\n[]\n=======\n[]\n>>>>>>> other\n");

        var result = platform.Check();

        Assert.Contains(result.Errors(), e => e.Location.File == "generated/prod/dag_bundle_config.json" && e.Message.Contains("merge conflict", StringComparison.Ordinal));
        Assert.All(result.Errors(), e => Assert.Contains("onboard compile", e.Hint, StringComparison.Ordinal));
    }

    [Fact]
    public void The_manifest_names_every_source_every_output_and_each_bundles_team_file()
    {
        using var platform = new PlatformFixture().WriteSimpleTeam("data");
        platform.Compile();

        using var manifest = JsonDocument.Parse(platform.Read("generated/manifest.json"));
        var root = manifest.RootElement;

        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal("teams/data.yaml", root.GetProperty("bundles").GetProperty("data").GetString());
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(platform.PathOf("teams/data.yaml")))),
            root.GetProperty("sources").GetProperty("teams/data.yaml").GetString());
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(platform.PathOf("generated/dev/configmap.yaml")))),
            root.GetProperty("outputs").GetProperty("generated/dev/configmap.yaml").GetString());
        Assert.True(root.GetProperty("sources").TryGetProperty("onboarding.yaml", out _));
    }

    [Fact]
    public void Output_formats_can_be_limited_to_json()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig + "\noutputs: {formats: [json]}\n").WriteSimpleTeam("data");

        platform.Compile();

        Assert.True(platform.Exists("generated/prod/dag_bundle_config.json"));
        Assert.False(platform.Exists("generated/prod/airflow.env"));
        Assert.False(platform.Exists("generated/prod/configmap.yaml"));
    }

    [Fact]
    public void An_output_folder_outside_the_repository_is_refused()
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig + "\noutputs: {dir: ../outside}\n").WriteSimpleTeam("data");

        var result = platform.Compile();

        result.SingleError(DiagnosticCodes.InvalidPath, "onboarding.yaml", 13, 16);
        Assert.False(Directory.Exists(Path.Combine(platform.Root, "..", "outside")));
    }
}
