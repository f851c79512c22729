namespace Onboarding.Core.Schema;

/// <summary>One published JSON Schema: its file in schemas/ and the file format it describes.</summary>
public sealed record SchemaDocument(string FileName, string Title, string Description, SchemaNode Root)
{
    public string RepositoryPath => $"schemas/{FileName}";
}
