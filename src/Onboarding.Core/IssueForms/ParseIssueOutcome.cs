namespace Onboarding.Core.IssueForms;

/// <summary>
/// The result of <c>onboard parse-issue</c>: the JSON to print on stdout (exit 0), or the diagnostics to print on
/// stderr (exit 1). <see cref="Problems"/> holds the body problems for a comment on the issue; it is empty when
/// the template itself is broken, which is reported in <see cref="Diagnostics"/> only.
/// </summary>
public sealed record ParseIssueOutcome(
    string? Json,
    IReadOnlyList<IssueFormDiagnostic> Diagnostics,
    IReadOnlyList<IssueFormProblem> Problems)
{
    public bool Succeeded => Json is not null;
}
