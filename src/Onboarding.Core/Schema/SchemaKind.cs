namespace Onboarding.Core.Schema;

public enum SchemaKind
{
    Text,
    WholeNumber,

    /// <summary>Any number, whole or not.</summary>
    Number,
    Boolean,

    /// <summary>Only null: an empty value that means "none".</summary>
    Null,
    Choice,
    List,
    Mapping,
    Map,

    /// <summary>One of several <see cref="SchemaNode.Alternatives"/>.</summary>
    AnyOf,
}
