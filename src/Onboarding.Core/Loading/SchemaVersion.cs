using Onboarding.Core.Diagnostics;

namespace Onboarding.Core.Loading;

internal static class SchemaVersion
{
    /// <summary>Checks schema_version; false means the rest of the file should not be read.</summary>
    public static bool Check(MappingReader reader)
    {
        var entry = reader.Entry("schema_version");
        if (entry is null)
        {
            reader.Error(DiagnosticCodes.MissingKey, reader.At,
                "the file is missing the required key 'schema_version'",
                $"add 'schema_version: {SchemaKeys.SupportedSchemaVersion}' as the first line");
            return true;
        }

        var version = reader.Integer("schema_version", 0);
        if (version is { Value: not SchemaKeys.SupportedSchemaVersion } v)
        {
            reader.Error(DiagnosticCodes.UnsupportedSchemaVersion, v.At,
                $"schema_version {v.Value} is not supported",
                $"supported versions: {SchemaKeys.SupportedSchemaVersion}; upgrade onboard or write 'schema_version: {SchemaKeys.SupportedSchemaVersion}'");
            return false;
        }

        return true;
    }
}
