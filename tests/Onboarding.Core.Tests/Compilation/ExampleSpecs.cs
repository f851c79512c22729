using System.Text;
using Onboarding.Core.Compilation;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>
/// The repository's own example platform: its committed generated/ folder is exactly what a compile
/// produces today (golden files), and every environment's list is one Airflow accepts.
/// </summary>
public sealed class ExampleSpecs : IDisposable
{
    private readonly TempDirectory _copy = new("onboard-example");

    public ExampleSpecs()
    {
        RepositoryLayout.CopyExamplePlatform(_copy.Path);
        Directory.Delete(_copy.File("generated"), recursive: true);
    }

    public static TheoryData<string> Environments() => ["dev", "staging", "prod"];

    public static TheoryData<string> CommittedArtifacts() => [.. CommittedPaths()];

    private static IEnumerable<string> CommittedPaths() =>
        Directory.GetFiles(RepositoryLayout.PathOf("generated"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CommittedArtifacts))]
    public void The_committed_artifact_equals_a_fresh_compile(string relative)
    {
        var result = Bounded.Compile(_copy.Path, CompileMode.Write);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));

        Golden.AssertMatches(RepositoryLayout.PathOf(relative), _copy.Read(relative));
    }

    [Fact]
    public void A_fresh_compile_makes_no_file_that_is_not_committed()
    {
        Bounded.Compile(_copy.Path, CompileMode.Write);

        var produced = Directory.GetFiles(_copy.File("generated"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_copy.Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(CommittedPaths(), produced);
    }

    [Fact]
    public void The_examples_cover_several_bundles_overrides_and_an_existing_repository()
    {
        var teams = Directory.GetFiles(RepositoryLayout.PathOf("teams"), "*.yaml").Select(File.ReadAllText).ToArray();

        Assert.True(teams.Length >= 3);
        Assert.Contains(teams, t => t.Split("- name:").Length > 2);
        Assert.Contains(teams, t => t.Contains("environments:", StringComparison.Ordinal) && t.Contains("tracking_ref:", StringComparison.Ordinal));
        Assert.Contains(teams, t => t.Contains("repo: https://github.com/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Every_example_environment_is_accepted_by_Airflow(string environment)
    {
        var json = File.ReadAllBytes(RepositoryLayout.PathOf($"generated/{environment}/dag_bundle_config.json"));

        Assert.Empty(AirflowRules.Violations(json, "3.2", multiTeam: false));
        Assert.Empty(AirflowRules.Violations(json, "3.0", multiTeam: false));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void The_env_file_and_configmap_carry_the_same_list(string environment)
    {
        var json = File.ReadAllText(RepositoryLayout.PathOf($"generated/{environment}/dag_bundle_config.json"));
        var env = File.ReadAllText(RepositoryLayout.PathOf($"generated/{environment}/airflow.env"));
        var configMap = File.ReadAllText(RepositoryLayout.PathOf($"generated/{environment}/configmap.yaml"));

        Assert.Single(env.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var variable = env.TrimEnd('\n').Split('=', 2);
        Assert.Equal("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST", variable[0]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(variable[1])));

        var bag = new Core.Diagnostics.DiagnosticBag();
        var tree = (YamlMapping)SafeYamlReader.Read(Encoding.UTF8.GetBytes(configMap), "configmap.yaml", bag)!;
        var data = (YamlMapping)tree.Find("data")!.Value;
        Assert.Equal(json, ((YamlScalar)data.Find("dag_bundle_config.json")!.Value).Value);
        Assert.Equal(variable[1], ((YamlScalar)data.Find("AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST")!.Value).Value);
        var annotations = (YamlMapping)((YamlMapping)tree.Find("metadata")!.Value).Find("annotations")!.Value;
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            ((YamlScalar)annotations.Find("airflow-onboarding/dag-bundle-config-sha256")!.Value).Value);
        Assert.Equal("ConfigMap", ((YamlScalar)tree.Find("kind")!.Value).Value);
    }

    public void Dispose() => _copy.Dispose();
}
