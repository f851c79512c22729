namespace Onboarding.Core.Onboarding;

/// <summary>
/// The requested team checked together with the platform. <see cref="Problems"/> are the author's to fix, each
/// under a form label; <see cref="PlatformDiagnostics"/> are errors in files the request did not touch, which
/// a platform maintainer must fix and which are never blamed on the author. <see cref="Compilation"/> is the
/// platform compiled with the team file added: the plan and the onboarding commit are made from it.
/// </summary>
public sealed record TeamValidation(
    string TeamFilePath,
    byte[] TeamFileBytes,
    bool AlreadyCommitted,
    IReadOnlyList<IssueFormProblem> Problems,
    IReadOnlyList<Diagnostic> PlatformDiagnostics,
    PlatformCompilation? Compilation)
{
    public bool IsValid => Problems.Count == 0 && !PlatformDiagnostics.Any(d => d.Severity == Severity.Error);
}
