using System.Text.Json;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Import;
using Onboarding.Core.Model;
using Onboarding.Core.Settings;
using Onboarding.Core.Tests.Import;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Settings;

/// <summary>
/// A setting the configured Airflow does not accept would make its GitDagBundle fail and skip the
/// bundle: it is refused at its key, in team files and in imported lists, and accepted from the
/// version that introduced it.
/// </summary>
public class AirflowVersionSettingSpecs
{
    public static TheoryData<string> NewerKeys() => [.. GitBundleSettings.All.Where(s => s.Since > AirflowVersion.V30).Select(s => s.Key)];

    private static BundleSetting Setting(string key) => GitBundleSettings.All.Single(s => s.Key == key);

    private static AirflowVersion Before(AirflowVersion version) => new(version.Major, version.Minor - 1);

    private static string Config(AirflowVersion version) =>
        PlatformFixture.DefaultConfig.Replace("version: \"3.2\"", $"version: \"{version}\"", StringComparison.Ordinal);

    [Fact]
    public void View_url_template_needs_Airflow_3_1()
    {
        Assert.Equal(["view_url_template"], GitBundleSettings.All.Where(s => s.Since > AirflowVersion.V30).Select(s => s.Key));
        Assert.Equal(AirflowVersion.V31, GitBundleSettings.ViewUrlTemplate.Since);
    }

    [Theory]
    [MemberData(nameof(NewerKeys))]
    public void On_an_older_Airflow_the_setting_is_refused_at_its_line_and_nothing_is_written(string key)
    {
        var setting = Setting(key);
        var value = JsonSerializer.Serialize(setting.Example);
        using var platform = new PlatformFixture(Config(Before(setting.Since)));
        platform.WriteTeam("data", $"schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n  - name: data\n    repo: airflow-data\n    {key}: {value}\n");

        var result = platform.Compile();

        var error = result.SingleError(DiagnosticCodes.SettingNeedsNewerAirflow, "teams/data.yaml", 8, 5 + key.Length + 2);
        Assert.Contains($"'bundles[0].{key}' needs Airflow {setting.Since} or later, but onboarding.yaml sets airflow.version to \"{Before(setting.Since)}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"remove {key}, or raise airflow.version", error.Hint, StringComparison.Ordinal);
        Assert.False(platform.Exists("generated/dev/dag_bundle_config.json"));
    }

    [Theory]
    [MemberData(nameof(NewerKeys))]
    public void From_the_version_that_introduced_it_the_setting_compiles(string key)
    {
        var setting = Setting(key);
        using var platform = new PlatformFixture(Config(setting.Since));
        platform.WriteTeam("data", $"schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n  - name: data\n    repo: airflow-data\n    {key}: {JsonSerializer.Serialize(setting.Example)}\n");

        var result = platform.Compile();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        using var list = JsonDocument.Parse(platform.CompiledList("prod"));
        Assert.Equal(JsonSerializer.Serialize(setting.Example), JsonSerializer.Serialize(list.RootElement[0].GetProperty("kwargs").GetProperty(setting.Kwarg)));
    }

    [Theory]
    [MemberData(nameof(NewerKeys))]
    public void An_imported_list_using_it_is_refused_on_an_older_Airflow(string key)
    {
        var setting = Setting(key);
        using var platform = new PlatformFixture(Config(Before(setting.Since)));
        var list = "[\n{\"name\": \"data\", \"classpath\": \"airflow.providers.git.bundles.git.GitDagBundle\", \"kwargs\": {\"repo_url\": \"https://github.com/acme-data/airflow-data.git\", \"tracking_ref\": \"main\", \"subdir\": \"dags\", \"git_conn_id\": \"github_default\", \"refresh_interval\": 300,\n"
            + $"  \"{setting.Kwarg}\": {JsonSerializer.Serialize(setting.Example)}}}}}\n]\n";

        var result = platform.Import("bundles.json", list);

        var error = Assert.Single(result.Errors());
        Assert.Equal(DiagnosticCodes.ImportUnsupportedKwarg, error.Code);
        Assert.Equal(new SourceLocation("bundles.json", 3, 3 + setting.Kwarg.Length + 4), error.Location);
        Assert.Contains($"dag_bundle_config_list[0].kwargs.{setting.Kwarg} (bundle 'data') needs Airflow {setting.Since} or later", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise airflow.version", error.Hint, StringComparison.Ordinal);
        Assert.Empty(platform.TeamFiles());
    }

    [Theory]
    [InlineData("file:///srv/dags")]
    [InlineData("https://")]
    [InlineData("https:///x")]
    [InlineData("https://user:token@github.com/o/r")]
    [InlineData("https://github.com/o/r/tree/{ref}")]
    [InlineData("https://github.com/o/r tree")]
    [InlineData("javascript:alert(1)")]
    public void A_view_url_template_that_is_no_http_url_with_a_host_is_refused_at_its_line(string url)
    {
        using var platform = new PlatformFixture();
        platform.WriteTeam("data", $"schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n  - name: data\n    repo: airflow-data\n    view_url_template: {JsonSerializer.Serialize(url)}\n");

        var error = platform.Validate().SingleError(DiagnosticCodes.PatternMismatch, "teams/data.yaml", 8, 24);

        Assert.Contains("'bundles[0].view_url_template'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not an http or https URL with a host", error.Message, StringComparison.Ordinal);
        Assert.Contains("{version} and {subdir}", error.Hint, StringComparison.Ordinal);
    }
}
