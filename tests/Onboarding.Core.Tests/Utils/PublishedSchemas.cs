using System.Text.Json.Nodes;
using NJsonSchema;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Yaml;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Utils;

/// <summary>The published JSON Schemas in schemas/, and YAML validated against them the way an editor does.</summary>
internal static class PublishedSchemas
{
    private static readonly Lazy<JsonSchema> TeamSchema = new(() => JsonSchema.FromFileAsync(RepositoryLayout.PathOf("schemas/team.schema.json")).GetAwaiter().GetResult());
    private static readonly Lazy<JsonSchema> PlatformSchema = new(() => JsonSchema.FromFileAsync(RepositoryLayout.PathOf("schemas/onboarding.schema.json")).GetAwaiter().GetResult());

    public static JsonSchema Team => TeamSchema.Value;

    public static JsonSchema Platform => PlatformSchema.Value;

    /// <summary>Schema violations of a YAML text, read with YAML 1.2 core types as editors read it.</summary>
    public static List<string> Validate(JsonSchema schema, string yaml)
    {
        var bag = new DiagnosticBag();
        var node = SafeYamlReader.Read(yaml, "file.yaml", bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return [.. schema.Validate(ToJson(node!)?.ToJsonString() ?? "null").Select(e => $"{e.Path}: {e.Kind}")];
    }

    /// <summary>A YAML text as the JSON an editor validates (JSON is YAML too, so the result can be read back as a file).</summary>
    public static JsonNode Json(string yaml)
    {
        var bag = new DiagnosticBag();
        var node = SafeYamlReader.Read(yaml, "file.yaml", bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return ToJson(node!)!;
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
