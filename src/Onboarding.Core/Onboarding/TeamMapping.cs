namespace Onboarding.Core.Onboarding;

/// <summary>The team an issue asks for, or every problem that keeps it from being built, each naming a form field.</summary>
public sealed record TeamMapping(TeamDocument? Team, IReadOnlyList<IssueFormProblem> Problems)
{
    public bool Succeeded => Team is not null && Problems.Count == 0;
}
