namespace Onboarding.Core.Pipelines;

/// <summary>What compiling a team repository's pipelines produced in memory: the files, or the reasons there are none.</summary>
public sealed record PipelineBuild(TeamPlatform? Platform, IReadOnlyList<ResolvedPipeline> Pipelines, IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
