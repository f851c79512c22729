using System.Text.Json.Nodes;
using NJsonSchema;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// Checks request and response bodies against the operations extracted from GitHub's OpenAPI
/// description (openapi/operations.json, made by openapi/extract.mjs) and collects every mismatch.
/// </summary>
public sealed class OpenApiChecker
{
    private static readonly Lazy<Task<Schemas>> Loaded = new(LoadAsync);

    private readonly Lock gate = new();
    private readonly List<string> violations = [];

    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (gate)
            {
                return [.. violations];
            }
        }
    }

    public static async Task<IReadOnlySet<string>> OperationsAsync() => (await Loaded.Value).Operations;

    public void Record(string violation)
    {
        lock (gate)
        {
            violations.Add(violation);
        }
    }

    public async Task CheckRequestAsync(string operation, string? body)
    {
        var schemas = await Loaded.Value;
        if (!schemas.Operations.Contains(operation))
        {
            Record($"{operation}: not an operation of operations.json; extract it first");
            return;
        }

        if (schemas.Requests.TryGetValue(operation, out var schema))
        {
            Validate($"{operation} request body", schema, string.IsNullOrEmpty(body) ? "null" : body);
        }
        else if (!string.IsNullOrEmpty(body))
        {
            Record($"{operation}: sends a body, but the operation takes none");
        }
    }

    public async Task CheckResponseAsync(string operation, int status, string? body)
    {
        var schemas = await Loaded.Value;
        if (!schemas.Operations.Contains(operation) || status is < 200 or > 299)
        {
            return;
        }

        if (!schemas.Responses.TryGetValue((operation, status), out var schema))
        {
            Record($"{operation}: status {status} is not a documented success status");
            return;
        }

        if (schema is not null)
        {
            Validate($"{operation} {status} response body", schema, body ?? "null");
        }
    }

    private void Validate(string what, JsonSchema schema, string json)
    {
        foreach (var error in schema.Validate(json))
        {
            Record($"{what}: {error}");
        }
    }

    private static async Task<Schemas> LoadAsync()
    {
        await using var stream = typeof(OpenApiChecker).Assembly.GetManifestResourceStream("FakeGitHub.operations.json")
            ?? throw new InvalidOperationException("operations.json is not embedded in Onboarding.Testing.");
        var document = (await JsonNode.ParseAsync(stream))!.AsObject();

        // One schema document: GitHub's components as definitions, plus one definition per request and
        // response schema, so that every $ref resolves inside it.
        var definitions = document["definitions"]!.AsObject().DeepClone().AsObject();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (operation, node) in document["operations"]!.AsObject())
        {
            if (node!["request"] is JsonObject request)
            {
                keys[$"{operation}|request"] = $"op{index}_request";
                definitions[$"op{index}_request"] = request.DeepClone();
            }

            foreach (var (status, response) in node["responses"]!.AsObject())
            {
                keys[$"{operation}|{status}"] = $"op{index}_{status}";
                definitions[$"op{index}_{status}"] = response?.DeepClone() ?? new JsonObject();
            }

            index++;
        }

        var root = await JsonSchema.FromJsonAsync(new JsonObject { ["definitions"] = definitions }.ToJsonString());
        var operations = document["operations"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var requests = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var responses = new Dictionary<(string, int), JsonSchema?>();
        foreach (var (operation, node) in document["operations"]!.AsObject())
        {
            if (keys.TryGetValue($"{operation}|request", out var requestKey))
            {
                requests[operation] = root.Definitions[requestKey];
            }

            foreach (var (status, response) in node!["responses"]!.AsObject())
            {
                responses[(operation, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))] = response is null ? null : root.Definitions[keys[$"{operation}|{status}"]];
            }
        }

        return new Schemas(operations, requests, responses);
    }

    private sealed record Schemas(IReadOnlySet<string> Operations, IReadOnlyDictionary<string, JsonSchema> Requests, IReadOnlyDictionary<(string, int), JsonSchema?> Responses);
}
