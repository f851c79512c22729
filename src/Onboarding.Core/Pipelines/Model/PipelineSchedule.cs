namespace Onboarding.Core.Pipelines.Model;

public enum ScheduleKind
{
    Manual,
    Cron,
    Preset,
    Assets,
}

/// <summary>When a pipeline runs: a cron expression, a preset, only by hand, or when assets were updated.</summary>
public sealed record PipelineSchedule(ScheduleKind Kind, string? Expression, IReadOnlyList<string> Assets)
{
    public static PipelineSchedule Manual { get; } = new(ScheduleKind.Manual, null, []);
}
