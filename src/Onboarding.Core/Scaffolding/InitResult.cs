namespace Onboarding.Core.Scaffolding;

/// <summary>What <c>onboard init</c> found and did. Files are written only when there is no problem.</summary>
public sealed record InitResult(
    IReadOnlyList<Diagnostic> Problems,
    IReadOnlyList<string> Conflicts,
    IReadOnlyList<string> Written,
    CompileResult? Compile)
{
    public bool Succeeded => Problems.Count == 0 && Conflicts.Count == 0 && Compile is { HasErrors: false };
}
