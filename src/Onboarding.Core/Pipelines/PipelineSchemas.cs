using Onboarding.Core.Pipelines.Schema;

namespace Onboarding.Core.Pipelines;

/// <summary>The published JSON Schemas of the pipeline files, generated from <see cref="PipelineShapes"/>.</summary>
public static class PipelineSchemas
{
    public const string PipelineFile = "schemas/pipeline.schema.json";
    public const string TeamPlatformFile = "schemas/team-platform.schema.json";

    public static byte[] Pipeline() =>
        ShapeJsonSchema.Document("onboard pipeline (pipelines/<pipeline>.yaml)", PipelineShapes.Pipeline);

    public static byte[] TeamPlatform() =>
        ShapeJsonSchema.Document("onboard team platform settings (.onboard/platform.yaml)", PipelineShapes.TeamPlatform);

    /// <summary>Every published schema by its path in this repository.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> All() => [(PipelineFile, Pipeline()), (TeamPlatformFile, TeamPlatform())];
}
