namespace Onboarding.Core.Schema;

internal enum SchemaKind
{
    Text,
    WholeNumber,
    Boolean,
    Choice,
    List,
    Object,
    Map,

    /// <summary>A schema written elsewhere from another description of the same file (the pipelines section).</summary>
    Embedded,
}
