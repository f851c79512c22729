namespace Onboarding.Core.Compilation;

public sealed record EnvironmentSummary(string Name, int Bundles, EnvironmentDiff Diff);

/// <summary>What a validate, compile or check run found and did.</summary>
public sealed record CompileResult(
    CompileMode Mode,
    IReadOnlyList<Diagnostic> Diagnostics,
    int Teams,
    int BundleNames,
    IReadOnlyList<EnvironmentSummary> Environments,
    IReadOnlyList<ArtifactChange> Changes)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public bool Changed => Changes.Any(c => c.Status != ArtifactStatus.Unchanged);
}
