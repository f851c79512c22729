namespace Onboarding.Core.Import;

/// <summary>
/// A value of the imported JSON with where it was written. Numbers keep their literal text so that
/// <c>60.0</c> is not mistaken for the integer <c>60</c>.
/// </summary>
public abstract record ListJsonNode(SourceLocation At)
{
    public string Kind => this switch
    {
        ListJsonObject => "an object",
        ListJsonArray => "a list",
        ListJsonString s => $"the text {Display.Quote(s.Value, 40)}",
        ListJsonNumber n => $"the number {n.Raw}",
        ListJsonBoolean b => b.Value ? "true" : "false",
        _ => "null",
    };
}

public sealed record ListJsonProperty(string Name, SourceLocation At, ListJsonNode Value);

public sealed record ListJsonObject(SourceLocation At, IReadOnlyList<ListJsonProperty> Properties) : ListJsonNode(At)
{
    public ListJsonProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

public sealed record ListJsonArray(SourceLocation At, IReadOnlyList<ListJsonNode> Items) : ListJsonNode(At);

public sealed record ListJsonString(SourceLocation At, string Value) : ListJsonNode(At);

public sealed record ListJsonNumber(SourceLocation At, string Raw) : ListJsonNode(At);

public sealed record ListJsonBoolean(SourceLocation At, bool Value) : ListJsonNode(At);

public sealed record ListJsonNull(SourceLocation At) : ListJsonNode(At);
