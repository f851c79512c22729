namespace Onboarding.Core.Loading;

public static class SchemaVersion
{
    public const int Supported = 1;

    /// <summary>The schema_version key of every file format.</summary>
    public static SchemaNode Node { get; } = SchemaNode.Choice([Supported], $"Format version of this file. Supported: {Supported}.");

    /// <summary>Checks schema_version; false means the rest of the file should not be read.</summary>
    public static bool Check(MappingReader reader)
    {
        var entry = reader.Entry("schema_version");
        if (entry is null)
        {
            reader.Error(DiagnosticCodes.MissingKey, reader.At,
                "the file is missing the required key 'schema_version'",
                $"add 'schema_version: {Supported}' as the first line");
            return true;
        }

        var version = reader.WholeNumber("schema_version", 0);
        if (version is { Value: not Supported } v)
        {
            reader.Error(DiagnosticCodes.UnsupportedSchemaVersion, v.At,
                $"schema_version {v.Value} is not supported",
                $"supported versions: {Supported}; upgrade onboard or write 'schema_version: {Supported}'");
            return false;
        }

        return true;
    }
}
