namespace Onboarding.Core.Schema;

/// <summary>
/// One value of a file format, described once in C#: the JSON Schemas in schemas/ are written from it
/// (<see cref="JsonSchemaWriter"/>) and the loaders take their known keys from it.
/// </summary>
public sealed record SchemaNode(SchemaKind Kind)
{
    public string? Description { get; init; }

    /// <summary>The value used when the key is absent, shown by editors.</summary>
    public object? Default { get; init; }

    /// <summary>A typical value, offered by editors.</summary>
    public object? Example { get; init; }

    public string? Pattern { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    /// <summary>For <see cref="SchemaKind.Choice"/>: the allowed values.</summary>
    public IReadOnlyList<object> Choices { get; init; } = [];

    /// <summary>For lists: the item; for maps: each value.</summary>
    public SchemaNode? Items { get; init; }

    public int? MinItems { get; init; }

    /// <summary>For lists: no value may appear twice.</summary>
    public bool UniqueItems { get; init; }

    /// <summary>For lists of choices: a value the list must hold.</summary>
    public string? MustContain { get; init; }

    public IReadOnlyList<SchemaProperty> Properties
    {
        get;
        init
        {
            field = value;
            Keys = [.. value.Select(p => p.Key)];
            RequiredKeys = [.. value.Where(p => p.Required).Select(p => p.Key)];
        }
    } = [];

    /// <summary>For maps: the pattern every key matches.</summary>
    public string? KeyPattern { get; init; }

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    /// <summary>For mappings: an empty value ('prod:') is allowed and means "no keys".</summary>
    public bool Nullable { get; init; }

    /// <summary>For <see cref="SchemaKind.AnyOf"/>: the shapes a value may take.</summary>
    public IReadOnlyList<SchemaNode> Alternatives { get; init; } = [];

    /// <summary>Written once under the schema's definitions and referenced where used.</summary>
    public string? Definition { get; init; }

    /// <summary>The keys a mapping may hold, in file order; kept with <see cref="Properties"/>, as loaders ask for them once per mapping read.</summary>
    public IReadOnlyList<string> Keys { get; private init; } = [];

    /// <summary>The keys a mapping must hold, in file order.</summary>
    public IReadOnlyList<string> RequiredKeys { get; private init; } = [];

    public SchemaNode this[string key] => Properties.First(p => p.Key == key).Node;

    public static SchemaNode Text(string? pattern = null, string? description = null) =>
        new(SchemaKind.Text) { Pattern = pattern, Description = description };

    public static SchemaNode Boolean(string description) => new(SchemaKind.Boolean) { Description = description };

    public static SchemaNode Choice(IEnumerable<object> choices, string? description = null) =>
        new(SchemaKind.Choice) { Choices = [.. choices], Description = description };

    public static SchemaNode List(SchemaNode items, string? description = null) =>
        new(SchemaKind.List) { Items = items, Description = description };

    public static SchemaNode Mapping(IEnumerable<SchemaProperty> properties, string? description = null) =>
        new(SchemaKind.Mapping) { Properties = [.. properties], Description = description };

    public static SchemaNode Map(string keyPattern, SchemaNode values, string? description = null) =>
        new(SchemaKind.Map) { KeyPattern = keyPattern, Items = values, Description = description };

    /// <summary>The bundle settings that may be written at <paramref name="place"/>, as schema properties.</summary>
    public static IEnumerable<SchemaProperty> Settings(SettingPlaces place) =>
        GitBundleSettings.At(place).Select(s => new SchemaProperty(s.Key, For(s)));

    /// <summary>The schema of one bundle setting.</summary>
    public static SchemaNode For(BundleSetting setting) => (setting.Type switch
    {
        SettingType.Text => ForText(setting.Rule) with { Description = setting.Description },
        SettingType.WholeNumber => new SchemaNode(SchemaKind.WholeNumber) { Minimum = setting.Minimum, Description = setting.Description },
        SettingType.Boolean => Boolean(setting.Description),
        _ => List(ForText(setting.Rule), setting.Description),
    }) with
    {
        Example = setting.Example,
    };

    private static SchemaNode ForText(TextRule? rule) => rule?.Pattern is { } pattern
        ? Text(pattern)
        : new SchemaNode(SchemaKind.Text) { MinLength = 1, MaxLength = rule?.MaxLength };
}
