namespace Onboarding.GitHub.Models;

public sealed record GitRef(string Ref, [property: System.Text.Json.Serialization.JsonPropertyName("object")] GitRefTarget Target);
