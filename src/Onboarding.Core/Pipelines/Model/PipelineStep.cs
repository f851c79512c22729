namespace Onboarding.Core.Pipelines.Model;

/// <summary>One step of a pipeline; <see cref="Action"/> is what it runs.</summary>
public sealed record PipelineStep(string Id, IReadOnlyList<string> After, IReadOnlyList<string> Produces, StepAction Action, SourceLocation At);
