namespace Onboarding.Core.Pipelines.Model;

/// <summary>One <c>pipelines/&lt;name&gt;.yaml</c>, read and checked on its own (cross-file rules come later).</summary>
public sealed record Pipeline(
    string Path,
    string Name,
    string? Description,
    string? Owner,
    string? Tier,
    PipelineSchedule Schedule,
    IReadOnlyList<string> Tags,
    PipelineAlerts? Alerts,
    PipelineSettings Overrides,
    IReadOnlyList<string> ExternalAssets,
    IReadOnlyList<PipelineStep> Steps,
    PipelineLocations Locations)
{
    public IEnumerable<string> ProducedAssets => Steps.SelectMany(s => s.Produces).Distinct(StringComparer.Ordinal);
}

/// <summary>Where the keys that cross-file rules report on were written.</summary>
public sealed record PipelineLocations(SourceLocation Name, SourceLocation Schedule, IReadOnlyDictionary<string, SourceLocation> ScheduleAssets);
