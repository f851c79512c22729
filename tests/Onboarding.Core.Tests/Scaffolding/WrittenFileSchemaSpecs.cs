using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Scaffolding;
using Onboarding.Core.Tests.Import;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Scaffolding;

/// <summary>Files init and import write are valid against the published schemas, so editors show no squiggles.</summary>
public class WrittenFileSchemaSpecs
{
    private static readonly Lazy<JsonSchema> TeamSchema = new(() => JsonSchema.FromFileAsync(RepositoryLayout.PathOf("schemas/team.schema.json")).GetAwaiter().GetResult());
    private static readonly Lazy<JsonSchema> PlatformSchema = new(() => JsonSchema.FromFileAsync(RepositoryLayout.PathOf("schemas/onboarding.schema.json")).GetAwaiter().GetResult());

    [Theory]
    [InlineData(null)]
    [InlineData("acme-data")]
    public void The_scaffolded_onboarding_yaml_matches_the_schema(string? org)
    {
        using var dir = new TempDirectory("onboard-init");
        Assert.True(PlatformInitializer.Run(dir.Path, org, force: false).Succeeded);

        Assert.Empty(Validate(PlatformSchema.Value, dir.Read("onboarding.yaml")));
    }

    [Fact]
    public void Imported_team_files_match_the_schema()
    {
        using var platform = new PlatformFixture();
        const string Git = "airflow.providers.git.bundles.git.GitDagBundle";
        platform.Import("dev.json", $$"""
            [{"name": "ml-features", "classpath": "{{Git}}", "kwargs": {"repo_url": "https://github.com/acme-shared/ml.git", "tracking_ref": "no", "subdir": "dags",
              "git_conn_id": "github_ml", "refresh_interval": 45, "submodules": true, "sparse_dirs": ["dags", "1.10"]} }]
            """, environment: "dev").AssertNoErrors();
        platform.Import("prod.json", $$"""
            [{"name": "ml-features", "classpath": "{{Git}}", "kwargs": {"repo_url": "https://github.com/acme-shared/ml.git", "tracking_ref": "main", "subdir": "dags",
              "git_conn_id": "github_ml", "refresh_interval": 300, "submodules": true, "sparse_dirs": ["dags", "1.10"]} }]
            """, environment: "prod").AssertNoErrors();

        var yaml = platform.Read("teams/ml-features.yaml");

        Assert.Empty(Validate(TeamSchema.Value, yaml));
        Assert.Contains("tracking_ref: \"no\"", yaml, StringComparison.Ordinal);
        Assert.Contains("prod: {}", yaml, StringComparison.Ordinal);
    }

    /// <summary>Validates YAML with NJsonSchema the way an editor does: YAML 1.2 core types.</summary>
    private static List<string> Validate(JsonSchema schema, string yaml)
    {
        var bag = new DiagnosticBag();
        var node = SafeYamlReader.Read(yaml, "file.yaml", bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return [.. schema.Validate(ToJson(node!)?.ToJsonString() ?? "null").Select(e => $"{e.Path}: {e.Kind}")];
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { Kind: ScalarKind.Plain } p when long.TryParse(p.Value, out var n) => JsonValue.Create(n),
        YamlScalar { Kind: ScalarKind.Plain, Value: "true" } => JsonValue.Create(true),
        YamlScalar { Kind: ScalarKind.Plain, Value: "false" } => JsonValue.Create(false),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
