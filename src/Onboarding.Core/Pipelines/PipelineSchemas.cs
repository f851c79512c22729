namespace Onboarding.Core.Pipelines;

/// <summary>The published JSON Schemas of the pipeline files, generated from <see cref="PipelineShapes"/>.</summary>
public static class PipelineSchemas
{
    public const string PipelineFile = "schemas/pipeline.schema.json";
    public const string TeamPlatformFile = "schemas/team-platform.schema.json";

    public static byte[] Pipeline() => Document("onboard pipeline (pipelines/<pipeline>.yaml)", PipelineShapes.Pipeline);

    public static byte[] TeamPlatform() => Document("onboard team platform settings (.onboard/platform.yaml)", PipelineShapes.TeamPlatform);

    /// <summary>Every published schema by its path in this repository.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> All() => [(PipelineFile, Pipeline()), (TeamPlatformFile, TeamPlatform())];

    private static byte[] Document(string title, SchemaNode root) =>
        JsonSchemaWriter.WriteUtf8(new SchemaDocument(string.Empty, title, root.Description!, root with { Description = null }));
}
