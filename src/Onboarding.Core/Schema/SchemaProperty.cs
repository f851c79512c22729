namespace Onboarding.Core.Schema;

/// <summary>A key of a mapping in a published file format.</summary>
public sealed record SchemaProperty(string Key, SchemaNode Node, bool Required = false);
