namespace Onboarding.Core.Pipelines.Schema;

/// <summary>
/// One node of the pipeline files' description in code. The loader takes its key lists from it and
/// <see cref="ShapeJsonSchema"/> turns it into the published JSON Schema, so the two cannot drift.
/// </summary>
public abstract record Shape(string Description);

public sealed record TextShape(string Description, string? Pattern = null, int MaxLength = 1024, IReadOnlyList<string>? Allowed = null) : Shape(Description);

public sealed record IntegerShape(string Description, int Minimum, int Maximum) : Shape(Description);

public sealed record NumberShape(string Description) : Shape(Description);

public sealed record BooleanShape(string Description) : Shape(Description);

public sealed record NullShape(string Description) : Shape(Description);

public sealed record ListShape(string Description, Shape Items, bool Unique = false) : Shape(Description);

public sealed record AnyOfShape(string Description, IReadOnlyList<Shape> Choices) : Shape(Description);

/// <summary>A mapping whose keys are names chosen by the user (columns, tiers, environment variables).</summary>
public sealed record MapShape(string Description, string KeyPattern, Shape Values) : Shape(Description);

public sealed record ShapeProperty(string Key, Shape Shape, bool Required = false);

/// <summary>A mapping with a fixed set of keys; any other key is an error.</summary>
public sealed record ObjectShape(string Description, IReadOnlyList<ShapeProperty> Properties, int MinProperties = 0, int MaxProperties = int.MaxValue) : Shape(Description)
{
    public IReadOnlyList<string> Keys => [.. Properties.Select(p => p.Key)];
}
