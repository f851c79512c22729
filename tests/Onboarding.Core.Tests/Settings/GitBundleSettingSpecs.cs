using System.Globalization;
using System.Text;
using System.Text.Json;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Settings;
using Onboarding.Core.Tests.Import;
using Onboarding.Core.Tests.Onboarding;
using Onboarding.Core.Tests.Utils;

namespace Onboarding.Core.Tests.Settings;

/// <summary>
/// Every GitDagBundle setting the model describes, tried with its example value: accepted exactly
/// where it may be written (the loader and the published schema agree), compiled with its JSON type,
/// and carried through import and back. A setting added to the description is covered here as is.
/// </summary>
public class GitBundleSettingSpecs
{
    public static TheoryData<string> Keys() => [.. GitBundleSettings.All.Select(s => s.Key)];

    public static TheoryData<string> CascadingKeys() => [.. GitBundleSettings.All.Where(s => s.Cascades).Select(s => s.Key)];

    public static TheoryData<string, string> KeysAndPlaces()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in GitBundleSettings.All)
        {
            foreach (var place in new[] { SettingPlaces.Bundle, SettingPlaces.BundleEnvironment, SettingPlaces.PlatformEnvironment, SettingPlaces.PlatformDefaults, SettingPlaces.Airflow })
            {
                data.Add(setting.Key, place.ToString());
            }
        }

        return data;
    }

    public static TheoryData<string, string> KeysAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var setting in GitBundleSettings.All)
        {
            foreach (var format in new[] { "json", "env", "cfg" })
            {
                data.Add(setting.Key, format);
            }
        }

        return data;
    }

    public static TheoryData<string> FormKeys() => [.. GitBundleSettings.All.Where(s => s.FormField is not null).Select(s => s.Key)];

    private static BundleSetting Setting(string key) => GitBundleSettings.All.Single(s => s.Key == key);

    /// <summary>The example as YAML flow text: JSON text is valid YAML for every example.</summary>
    private static string Yaml(BundleSetting setting) => JsonSerializer.Serialize(setting.Example);

    private static string Team(string bundleLines) =>
        $"schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n  - name: data\n    repo: airflow-data\n{bundleLines}";

    private static string Platform(string airflowLines, string defaults, string dev) =>
        $"schema_version: 1\ngithub:\n  org: acme-data\nairflow:\n  version: \"3.2\"\n{airflowLines}  defaults: {{{defaults}}}\nenvironments:\n  dev: {{{dev}}}\n  prod: {{}}\n";

    [Theory]
    [MemberData(nameof(KeysAndPlaces))]
    public void A_setting_is_accepted_exactly_where_it_may_be_written(string key, string placeName)
    {
        var place = Enum.Parse<SettingPlaces>(placeName);
        var setting = Setting(key);
        var entry = $"{key}: {Yaml(setting)}";
        var defaults = key == "tracking_ref" ? "" : "tracking_ref: main";
        var (yaml, isTeam) = place switch
        {
            SettingPlaces.Bundle => (Team($"    {entry}\n"), true),
            SettingPlaces.BundleEnvironment => (Team($"    environments:\n      dev: {{{entry}}}\n"), true),
            SettingPlaces.PlatformEnvironment => (Platform("", "tracking_ref: main", entry), false),
            SettingPlaces.PlatformDefaults => (Platform("", string.Join(", ", new[] { defaults, entry }.Where(e => e.Length > 0)), ""), false),
            _ => (Platform($"  {entry}\n", "tracking_ref: main", ""), false),
        };

        var bag = new DiagnosticBag();
        if (isTeam)
        {
            TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/data.yaml", bag);
        }
        else
        {
            PlatformConfigLoader.Load(Encoding.UTF8.GetBytes(yaml), "onboarding.yaml", bag);
        }

        var schemaErrors = PublishedSchemas.Validate(isTeam ? PublishedSchemas.Team : PublishedSchemas.Platform, yaml);
        var allowed = setting.AllowedAt(place);
        Assert.True(allowed == !bag.HasErrors, $"{key} at {place}: expected {(allowed ? "accepted" : "refused")}\n{yaml}\n{string.Join("\n", bag.Sorted())}");
        Assert.True(allowed == (schemaErrors.Count == 0), $"{key} at {place}: the schema says {string.Join(", ", schemaErrors)}");
        if (!allowed)
        {
            Assert.Equal([DiagnosticCodes.UnknownKey], bag.Sorted().Select(d => d.Code));
        }
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Set_on_a_bundle_a_setting_reaches_every_environment_with_its_JSON_type(string key)
    {
        var setting = Setting(key);
        using var platform = new PlatformFixture();
        platform.WriteTeam("data", Team($"    {key}: {Yaml(setting)}\n"));

        var result = platform.Compile();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.Equal(JsonSerializer.Serialize(setting.Example), Kwarg(platform, environment, setting.Kwarg));
        }
    }

    [Theory]
    [MemberData(nameof(CascadingKeys))]
    public void Set_for_one_environment_a_cascading_setting_reaches_only_that_environment(string key)
    {
        var setting = Setting(key);
        using var platform = new PlatformFixture();
        platform.WriteTeam("data", Team($"    environments:\n      dev: {{{key}: {Yaml(setting)}}}\n      prod: {{}}\n"));

        var result = platform.Compile();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(JsonSerializer.Serialize(setting.Example), Kwarg(platform, "dev", setting.Kwarg));
        Assert.NotEqual(JsonSerializer.Serialize(setting.Example), Kwarg(platform, "prod", setting.Kwarg));
    }

    [Theory]
    [MemberData(nameof(KeysAndFormats))]
    public void A_setting_round_trips_through_import(string key, string format)
    {
        var setting = Setting(key);
        using var platform = new PlatformFixture();
        var kwargs = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["repo_url"] = "https://github.com/acme-data/airflow-data.git",
            ["tracking_ref"] = "main",
            ["subdir"] = "dags",
            ["git_conn_id"] = "github_default",
            ["refresh_interval"] = 300,
            [setting.Kwarg] = setting.Example,
        };
        var list = JsonSerializer.Serialize(new[] { new { name = "data", classpath = "airflow.providers.git.bundles.git.GitDagBundle", kwargs } });
        var (file, content) = format switch
        {
            "json" => ("bundles.json", list),
            "env" => ("airflow.env", $"AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST={list}\n"),
            _ => ("airflow.cfg", $"[dag_processor]\ndag_bundle_config_list = {list}\n"),
        };

        platform.Import(file, content).AssertNoErrors();

        Assert.Contains($"{key}:", platform.Read("teams/data.yaml"), StringComparison.Ordinal);
        var compile = platform.Compile();
        Assert.False(compile.HasErrors, string.Join("\n", compile.Diagnostics));
        ImportHarness.AssertEquivalent(list, platform.CompiledList("dev"));
        ImportHarness.AssertEquivalent(list, platform.CompiledList("prod"));
    }

    [Theory]
    [MemberData(nameof(FormKeys))]
    public void The_issue_form_field_a_setting_names_sets_it_on_the_new_bundle(string key)
    {
        var setting = Setting(key);
        using var platform = new OnboardingPlatform();
        var answer = Convert.ToString(setting.Example, CultureInfo.InvariantCulture)!;

        var request = platform.Prepare(platform.Body((setting.FormField!, answer)));

        Assert.True(request.IsValid, string.Join("\n", request.Problems.Select(p => $"{p.FieldLabel}: {p.Text}")));
        var team = TeamFileLoader.Load(request.Validation!.TeamFileBytes, request.Validation.TeamFilePath, new DiagnosticBag())!;
        Assert.Equal(JsonSerializer.Serialize(setting.Example), JsonSerializer.Serialize(team.Bundles[0].Settings[setting]));
    }

    [Fact]
    public void Pruning_together_with_submodules_compiles_with_a_warning_at_prune_dotgit_folder()
    {
        using var platform = new PlatformFixture();
        platform.WriteTeam("data", Team("    submodules: true\n    prune_dotgit_folder: true\n"));

        var result = platform.Compile();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.SettingWithoutEffect);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation("teams/data.yaml", 9, 26), warning.Location);
        Assert.Contains("'bundles[0].prune_dotgit_folder' has no effect", warning.Message, StringComparison.Ordinal);
        Assert.Equal("true", Kwarg(platform, "prod", "prune_dotgit_folder"));
    }

    /// <summary>The kwarg as JSON text in the environment's compiled list, or null when absent.</summary>
    private static string? Kwarg(PlatformFixture platform, string environment, string kwarg)
    {
        using var list = JsonDocument.Parse(platform.CompiledList(environment));
        return list.RootElement[0].GetProperty("kwargs").TryGetProperty(kwarg, out var value) ? JsonSerializer.Serialize(value) : null;
    }
}
