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
}
