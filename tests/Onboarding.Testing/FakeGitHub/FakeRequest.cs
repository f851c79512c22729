using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>What a route handler sees: the matched template, its values, the query, the JSON body.</summary>
public sealed record FakeRequest(
    string Method,
    string Template,
    IReadOnlyDictionary<string, string> Values,
    IQueryCollection Query,
    JsonNode? Body,
    IHeaderDictionary Headers,
    FakeUrls Urls)
{
    public string this[string name] => Values[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public string? BodyString(string name) => Body?[name]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Body[name]!.GetValue<string>() : null;

    public bool? BodyBool(string name) => Body?[name]?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? Body[name]!.GetValue<bool>() : null;

    public int Number(string name) => int.Parse(Values[name], System.Globalization.CultureInfo.InvariantCulture);
}
