namespace Onboarding.Core.Schema;

public enum SchemaKind
{
    Text,
    WholeNumber,
    Boolean,
    Choice,
    List,
    Mapping,
    Map,

    /// <summary>A schema written elsewhere from another description of the same file (the pipelines section).</summary>
    Embedded,
}
