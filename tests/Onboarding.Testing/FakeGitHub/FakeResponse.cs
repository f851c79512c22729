using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>A handler's answer. Error bodies are shaped like GitHub's.</summary>
public sealed record FakeResponse(int Status, JsonNode? Body)
{
    private const string Docs = "https://docs.github.com/rest";

    /// <summary>List answers are paginated by the server with <c>per_page</c>, <c>page</c> and a <c>Link</c> header.</summary>
    public bool Paginated { get; init; }

    /// <summary>The pagination <c>Link</c> header, set by the server.</summary>
    public string? Link { get; init; }

    public static FakeResponse Ok(JsonNode body) => new(200, body);

    public static FakeResponse Created(JsonNode body) => new(201, body);

    public static FakeResponse List(JsonArray items) => new(200, items) { Paginated = true };

    public static FakeResponse NoContent() => new(204, null);

    public static FakeResponse NotFound() => Error(404, "Not Found");

    public static FakeResponse Error(int status, string message) =>
        new(status, new JsonObject { ["message"] = message, ["documentation_url"] = Docs, ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>GitHub's 422: "Validation Failed" with the reason in <c>errors</c>.</summary>
    public static FakeResponse ValidationFailed(string resource, string field, string message) =>
        new(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["code"] = "custom", ["field"] = field, ["message"] = message }),
            ["documentation_url"] = Docs,
            ["status"] = "422",
        });
}
