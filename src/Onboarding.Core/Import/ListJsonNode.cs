using Onboarding.Core.Diagnostics;

namespace Onboarding.Core.Import;

/// <summary>
/// A value of the imported JSON with where it was written. Numbers keep their literal text so that
/// <c>60.0</c> is not mistaken for the integer <c>60</c>.
/// </summary>
internal abstract record ListJsonNode(SourceLocation At)
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

internal sealed record ListJsonProperty(string Name, SourceLocation At, ListJsonNode Value);

internal sealed record ListJsonObject(SourceLocation At, IReadOnlyList<ListJsonProperty> Properties) : ListJsonNode(At)
{
    public ListJsonProperty? Find(string name) => Properties.FirstOrDefault(p => p.Name == name);
}

internal sealed record ListJsonArray(SourceLocation At, IReadOnlyList<ListJsonNode> Items) : ListJsonNode(At);

internal sealed record ListJsonString(SourceLocation At, string Value) : ListJsonNode(At);

internal sealed record ListJsonNumber(SourceLocation At, string Raw) : ListJsonNode(At);

internal sealed record ListJsonBoolean(SourceLocation At, bool Value) : ListJsonNode(At);

internal sealed record ListJsonNull(SourceLocation At) : ListJsonNode(At);
