namespace Onboarding.Git.Local;

/// <summary>
/// What <c>onboard issue --local</c> did in the checkout. <see cref="Refusal"/> says why nothing was done when the
/// checkout is not in a state to take the commit; <see cref="Commit"/> is null when the branch already held the change,
/// and <see cref="AlreadyOnBase"/> is true when the branch the user was on already held it (no branch is left behind).
/// </summary>
public sealed record LocalOnboardingResult(
    string Branch,
    bool BranchCreated,
    string? Commit,
    string? OriginalBranch,
    CompileResult? Compile,
    string? Refusal)
{
    public bool AlreadyOnBase { get; init; }

    public static LocalOnboardingResult Refused(string branch, string reason) => new(branch, false, null, null, null, reason);
}
