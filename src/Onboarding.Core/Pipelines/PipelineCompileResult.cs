namespace Onboarding.Core.Pipelines;

/// <summary>The outcome of <c>pipelines validate | compile | check</c> on a team repository.</summary>
public sealed record PipelineCompileResult(CompileMode Mode, int Pipelines, IReadOnlyList<ArtifactChange> Changes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public bool Changed => Changes.Any(c => c.Status != ArtifactStatus.Unchanged);
}
