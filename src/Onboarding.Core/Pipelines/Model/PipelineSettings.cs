namespace Onboarding.Core.Pipelines.Model;

/// <summary>The settings that cascade: platform defaults &lt; tier &lt; the pipeline's own defaults.</summary>
public sealed record PipelineSettings(int? Retries, Duration? RetryDelay, Duration? ExecutionTimeout, DateOnly? StartDate, Duration? Deadline)
{
    public static PipelineSettings None { get; } = new(null, null, null, null, null);

    /// <summary>These settings with every key <paramref name="over"/> sets replaced.</summary>
    public PipelineSettings With(PipelineSettings over) => new(
        over.Retries ?? Retries,
        over.RetryDelay ?? RetryDelay,
        over.ExecutionTimeout ?? ExecutionTimeout,
        over.StartDate ?? StartDate,
        over.Deadline ?? Deadline);
}
