namespace Onboarding.Core.Onboarding;

/// <summary>
/// An onboarding issue read, mapped and validated: either a team ready to be written (<see cref="IsValid"/>), or
/// the author's <see cref="Problems"/> (each under a form label) and the platform's own errors.
/// </summary>
public sealed record OnboardingRequest(
    PlatformConfig? Config,
    TeamDocument? Team,
    TeamValidation? Validation,
    IReadOnlyList<IssueFormProblem> Problems,
    IReadOnlyList<Diagnostic> PlatformDiagnostics)
{
    /// <summary>The hidden marker of the sticky problem comment on the issue.</summary>
    public const string ProblemCommentMarker = "onboard:problems";

    /// <summary>The problem shown to the author when the platform itself is broken.</summary>
    public const string PlatformErrorsCode = "ONBOARD001";

    public bool IsValid =>
        Config is not null && Team is not null && Validation is { IsValid: true }
        && Problems.Count == 0 && !PlatformDiagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The problem list as the Markdown of an issue comment; user text in it is neutralised.</summary>
    /// <param name="marker">The hidden marker the comment is found again by.</param>
    public string ProblemMarkdown(string marker = ProblemCommentMarker)
    {
        var problems = Problems.ToList();
        if (PlatformDiagnostics.Any(d => d.Severity == Severity.Error))
        {
            problems.Add(new IssueFormProblem(PlatformErrorsCode, null,
                "the platform repository has errors of its own that are not caused by this request",
                "a platform maintainer has to fix them (see the workflow log); this issue is checked again afterwards, nothing to change here"));
        }

        return IssueFormProblemMarkdown.Render(problems, marker);
    }
}
