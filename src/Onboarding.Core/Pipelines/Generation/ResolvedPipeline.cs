namespace Onboarding.Core.Pipelines.Generation;

/// <summary>A valid pipeline with everything the platform decides resolved: what the generator and the manifest need.</summary>
public sealed record ResolvedPipeline(
    Pipeline Pipeline,
    string Team,
    string DagId,
    string DagFile,
    string Owner,
    IReadOnlyList<string> Tags,
    PipelineSettings Settings,
    IReadOnlyList<Notifier> Notifiers,
    IReadOnlyList<Notifier> DeadlineNotifiers)
{
    public IReadOnlyList<string> Consumed => Pipeline.Schedule.Assets;
}
