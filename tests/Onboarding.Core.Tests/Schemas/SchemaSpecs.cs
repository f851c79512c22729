using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Schema;
using Onboarding.Core.Settings;
using Onboarding.Core.Tests.Utils;
using Onboarding.Core.Validation;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Schemas;

/// <summary>
/// The published JSON Schemas (what editors validate with) and the C# model agree in both
/// directions: the same keys, patterns and required keys, and the same verdict on a corpus of
/// valid and invalid files.
/// </summary>
public class SchemaSpecs
{

    private static JsonObject Raw(string file) => JsonNode.Parse(File.ReadAllText(RepositoryLayout.PathOf($"schemas/{file}")))!.AsObject();

    private static string[] Keys(JsonNode schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static string[] Sorted(IEnumerable<string> keys) => [.. keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> Documents() => [TeamFileSchema.Document.FileName, PlatformFileSchema.Document.FileName];

    private static SchemaDocument Document(string file) => file == TeamFileSchema.Document.FileName ? TeamFileSchema.Document : PlatformFileSchema.Document;

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_committed_schema_is_the_one_generated_from_the_model(string file)
    {
        var document = Document(file);

        // ONBOARD_UPDATE_GOLDEN=1 rewrites schemas/ from the model.
        Golden.AssertMatches(RepositoryLayout.PathOf(document.RepositoryPath), JsonSchemaWriter.Write(document));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Editors_get_a_draft_07_schema_with_a_description_for_every_key(string file)
    {
        var schema = Raw(file);

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string)schema["$schema"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["title"]));
        var undescribed = Properties(schema).Where(p => p.Node["$ref"] is null && p.Node["description"] is null).Select(p => p.Path).ToArray();
        Assert.True(undescribed.Length == 0, $"keys without a description: {string.Join(", ", undescribed)}");
    }

    [Fact]
    public void Team_schema_lists_exactly_the_keys_the_loader_reads()
    {
        var schema = Raw("team.schema.json");

        Assert.Equal(Sorted(TeamFileSchema.Root.Keys), Keys(schema));
        Assert.Equal(Sorted(TeamFileSchema.Owners.Keys), Keys(schema["properties"]!["owners"]!));
        Assert.Equal(Sorted(TeamFileSchema.Bundle.Keys), Keys(schema["definitions"]!["bundle"]!));
        Assert.Equal(Sorted(TeamFileSchema.BundleEnvironment.Keys), Keys(schema["definitions"]!["environmentOverride"]!));
        Assert.Equal(Sorted(["name", "repo", "environments", .. GitBundleSettings.All.Select(s => s.Key)]), Sorted(TeamFileSchema.Bundle.Keys));
    }

    [Fact]
    public void Platform_schema_lists_exactly_the_keys_the_loader_reads()
    {
        var schema = Raw("onboarding.schema.json");
        var properties = schema["properties"]!;

        Assert.Equal(Sorted(PlatformFileSchema.Root.Keys), Keys(schema));
        Assert.Equal(Sorted(PlatformFileSchema.GitHub.Keys), Keys(properties["github"]!));
        Assert.Equal(Sorted(PlatformFileSchema.Airflow.Keys), Keys(properties["airflow"]!));
        Assert.Equal(Sorted(PlatformFileSchema.Defaults.Keys), Keys(properties["airflow"]!["properties"]!["defaults"]!));
        Assert.Equal(Sorted(PlatformFileSchema.Environment.Keys), Keys(properties["environments"]!["patternProperties"]![NameRules.EnvironmentNamePattern]!));
        Assert.Equal(Sorted(PlatformFileSchema.Outputs.Keys), Keys(properties["outputs"]!));
        Assert.Equal(Sorted(PlatformFileSchema.Policy.Keys), Keys(properties["policy"]!));
        Assert.Equal(PlatformFileSchema.Visibilities, properties["github"]!["properties"]!["visibility"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(PlatformFileSchema.ApproverPermissions, properties["github"]!["properties"]!["approver_permission"]!["enum"]!.AsArray().Select(v => (string)v!));
    }

    /// <summary>Every key a schema describes, with its path, through properties, patternProperties, items and definitions.</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Properties(JsonNode node, string path = "")
    {
        if (node is not JsonObject obj)
        {
            yield break;
        }

        foreach (var container in new[] { "properties", "patternProperties", "definitions" })
        {
            if (obj[container] is JsonObject children)
            {
                foreach (var (key, child) in children)
                {
                    if (container != "definitions")
                    {
                        yield return ($"{path}.{key}", child!);
                    }

                    foreach (var nested in Properties(child!, $"{path}.{key}"))
                    {
                        yield return nested;
                    }
                }
            }
        }

        if (obj["items"] is { } items)
        {
            foreach (var nested in Properties(items, $"{path}[]"))
            {
                yield return nested;
            }
        }
    }

    [Fact]
    public void Schema_patterns_are_the_loader_patterns()
    {
        var team = Raw("team.schema.json");
        var platform = Raw("onboarding.schema.json");

        Assert.Equal(NameRules.TeamNamePattern, (string)team["properties"]!["name"]!["pattern"]!);
        Assert.Equal(NameRules.TeamNamePattern, (string)team["definitions"]!["bundle"]!["properties"]!["name"]!["pattern"]!);
        Assert.Equal(NameRules.GitHubTeamSlugPattern, (string)team["properties"]!["owners"]!["properties"]!["github_team"]!["pattern"]!);
        Assert.Equal(NameRules.EmailPattern, (string)team["properties"]!["owners"]!["properties"]!["contacts"]!["items"]!["pattern"]!);
        Assert.Equal(NameRules.ConnIdPattern, (string)team["definitions"]!["bundle"]!["properties"]!["git_conn_id"]!["pattern"]!);
        Assert.Equal(NameRules.EnvironmentNamePattern, team["definitions"]!["bundle"]!["properties"]!["environments"]!["patternProperties"]!.AsObject().Single().Key);
        Assert.Equal(NameRules.OrgPattern, (string)platform["properties"]!["github"]!["properties"]!["org"]!["pattern"]!);
        Assert.Equal(NameRules.RepoNamePattern, (string)platform["properties"]!["github"]!["properties"]!["template_repo"]!["pattern"]!);
        Assert.Equal(NameRules.LabelPattern, (string)platform["properties"]!["github"]!["properties"]!["approval_label"]!["pattern"]!);
        Assert.Equal(NameRules.AirflowVersionPattern, (string)platform["properties"]!["airflow"]!["properties"]!["version"]!["pattern"]!);
        Assert.Equal(NameRules.ClasspathPattern, (string)platform["properties"]!["airflow"]!["properties"]!["classpath"]!["pattern"]!);
        Assert.Equal(NameRules.EnvironmentNamePattern, platform["properties"]!["environments"]!["patternProperties"]!.AsObject().Single().Key);
        Assert.Equal(HostRules.HostPattern, (string)platform["properties"]!["policy"]!["properties"]!["repo_hosts"]!["items"]!["pattern"]!);
    }

    [Fact]
    public void Every_example_file_is_valid_under_its_schema()
    {
        Assert.Empty(PublishedSchemas.Validate(PublishedSchemas.Platform, File.ReadAllText(RepositoryLayout.PathOf("onboarding.yaml"))));
        foreach (var team in Directory.GetFiles(RepositoryLayout.PathOf("teams"), "*.yaml"))
        {
            Assert.Empty(PublishedSchemas.Validate(PublishedSchemas.Team, File.ReadAllText(team)));
        }
    }

    [Fact]
    public void Every_example_file_points_editors_at_its_schema()
    {
        Assert.StartsWith("# yaml-language-server: $schema=schemas/onboarding.schema.json", File.ReadAllText(RepositoryLayout.PathOf("onboarding.yaml")), StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(RepositoryLayout.PathOf("teams"), "*.yaml"), f =>
            Assert.StartsWith("# yaml-language-server: $schema=../schemas/team.schema.json", File.ReadAllText(f), StringComparison.Ordinal));
    }

    private const string ValidTeam = "schema_version: 1\nname: data\nowners:\n  github_team: data-eng\nbundles:\n  - name: data\n    repo: airflow-data\n";

    public static TheoryData<string, bool> TeamCorpus() => new()
    {
        { ValidTeam, true },
        { ValidTeam + "description: Data jobs\n", true },
        { ValidTeam + "    tracking_ref: main\n    subdir: dags\n    refresh_interval: 60\n    submodules: true\n    sparse_dirs: [dags]\n    git_conn_id: gh\n", true },
        { ValidTeam + "    environments:\n      dev: {tracking_ref: develop}\n      prod:\n", true },
        { ValidTeam + "    prune_dotgit_folder: false\n    view_url_template: \"https://github.com/acme-data/airflow-data/tree/{version}/{subdir}\"\n", true },
        { ValidTeam + "    view_url_template: http://git.example.com:8080/dags\n", true },
        { ValidTeam + "    prune_dotgit_folder: \"false\"\n", false },
        { ValidTeam + "    view_url_template: ftp://example.com/x\n", false },
        { ValidTeam + "    view_url_template: https://\n", false },
        { ValidTeam + "    view_url_template: \"https://github.com/o/r/{ref}\"\n", false },
        { ValidTeam + "    environments:\n      dev: {prune_dotgit_folder: true}\n", false },
        { ValidTeam.Replace("schema_version: 1", "schema_version: 2", StringComparison.Ordinal), false },
        { ValidTeam.Replace("name: data\nowners", "name: Data\nowners", StringComparison.Ordinal), false },
        { ValidTeam.Replace("name: data\nowners", "name: da\nowners", StringComparison.Ordinal), false },
        { ValidTeam.Replace("github_team: data-eng", "github_team: Data Eng", StringComparison.Ordinal), false },
        { ValidTeam.Replace("owners:\n  github_team: data-eng\n", "owners: {}\n", StringComparison.Ordinal), false },
        { ValidTeam + "extra: 1\n", false },
        { ValidTeam + "    refresh_interval: 5\n", false },
        { ValidTeam + "    refresh_interval: \"60\"\n", false },
        { ValidTeam + "    submodules: \"false\"\n", false },
        { ValidTeam + "    branch: main\n", false },
        { ValidTeam + "    environments:\n      dev: {branch: develop}\n", false },
        { ValidTeam + "description: " + new string('x', 501) + "\n", false },
        { ValidTeam.Replace("bundles:\n  - name: data\n    repo: airflow-data\n", "bundles: []\n", StringComparison.Ordinal), false },
        { ValidTeam.Replace("    repo: airflow-data\n", "", StringComparison.Ordinal), false },
        { ValidTeam + "  - name: Bad!\n    repo: r\n", false },
    };

    [Theory]
    [MemberData(nameof(TeamCorpus))]
    public void Schema_and_loader_agree_on_a_team_file(string yaml, bool valid)
    {
        var schemaErrors = PublishedSchemas.Validate(PublishedSchemas.Team, yaml);
        var bag = new DiagnosticBag();
        TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/data.yaml", bag);

        Assert.Equal(valid, schemaErrors.Count == 0);
        Assert.Equal(valid, !bag.HasErrors);
    }

    public static TheoryData<string, string, string> RequiredKeys()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (file, path, node) in new (string, string, SchemaNode)[]
        {
            ("team", "", TeamFileSchema.Root), ("team", "owners", TeamFileSchema.Owners), ("team", "bundles.0", TeamFileSchema.Bundle),
            ("platform", "", PlatformFileSchema.Root), ("platform", "github", PlatformFileSchema.GitHub), ("platform", "airflow", PlatformFileSchema.Airflow),
        })
        {
            foreach (var property in node.Properties.Where(p => p.Required))
            {
                data.Add(file, path, property.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredKeys))]
    public void A_file_without_a_key_the_model_requires_is_refused_by_the_loader_and_the_schema(string file, string path, string key)
    {
        var valid = file == "team" ? ValidTeam : PlatformFixture.DefaultConfig;
        var json = PublishedSchemas.Json(valid);
        var parent = path.Split('.', StringSplitOptions.RemoveEmptyEntries).Aggregate(json, (node, step) => int.TryParse(step, out var i) ? node[i]! : node[step]!);
        Assert.True(parent.AsObject().Remove(key), $"{key} is not in the valid {file} file");
        var yaml = json.ToJsonString();

        var bag = new DiagnosticBag();
        if (file == "team")
        {
            TeamFileLoader.Load(Encoding.UTF8.GetBytes(yaml), "teams/data.yaml", bag);
        }
        else
        {
            PlatformConfigLoader.Load(Encoding.UTF8.GetBytes(yaml), "onboarding.yaml", bag);
        }

        Assert.Contains(bag.Sorted(), d => d.Code == DiagnosticCodes.MissingKey && d.Message.Contains($"'{key}'", StringComparison.Ordinal));
        Assert.NotEmpty(PublishedSchemas.Validate(file == "team" ? PublishedSchemas.Team : PublishedSchemas.Platform, yaml));
    }

    public static TheoryData<string, bool> PlatformCorpus() => new()
    {
        { PlatformFixture.DefaultConfig, true },
        { File.ReadAllText(RepositoryLayout.PathOf("onboarding.yaml")), true },
        { PlatformFixture.DefaultConfig + "\noutputs: {dir: out, formats: [json, env]}\n", true },
        { PlatformFixture.DefaultConfig + "\noutputs: {formats: [env]}\n", false },
        { PlatformFixture.DefaultConfig + "\noutputs: {formats: [json, yaml]}\n", false },
        { PlatformFixture.DefaultConfig.Replace("org: acme-data", "org: acme data", StringComparison.Ordinal), false },
        { PlatformFixture.DefaultConfig.Replace("version: \"3.2\"", "version: \"2.10\"", StringComparison.Ordinal), false },
        { PlatformFixture.DefaultConfig.Replace("  dev: {tracking_ref: develop}\n  prod: {}\n", "  Dev: {}\n", StringComparison.Ordinal), false },
        { PlatformFixture.DefaultConfig.Replace("  prod: {}", "  prod: {allow_empty: true}", StringComparison.Ordinal), true },
        { PlatformFixture.DefaultConfig.Replace("  prod: {}", "  prod: {allow_empty: maybe}", StringComparison.Ordinal), false },
        { PlatformFixture.DefaultConfig + "\nextra: true\n", false },
        { PlatformFixture.DefaultConfig.Replace("github:\n  org: acme-data", "github:\n  org: acme-data\n  visibility: secret", StringComparison.Ordinal), false },
    };

    [Theory]
    [MemberData(nameof(PlatformCorpus))]
    public void Schema_and_loader_agree_on_the_platform_file(string yaml, bool valid)
    {
        var schemaErrors = PublishedSchemas.Validate(PublishedSchemas.Platform, yaml);
        var bag = new DiagnosticBag();
        PlatformConfigLoader.Load(Encoding.UTF8.GetBytes(yaml), "onboarding.yaml", bag);

        Assert.Equal(valid, schemaErrors.Count == 0);
        Assert.Equal(valid, !bag.HasErrors);
    }
}
