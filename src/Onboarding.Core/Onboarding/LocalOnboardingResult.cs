using Onboarding.Core.Compilation;

namespace Onboarding.Core.Onboarding;

/// <summary>
/// What <c>onboard issue --local</c> did in the checkout. <see cref="Refusal"/> says why nothing was done when the
/// checkout is not in a state to take the commit; <see cref="Commit"/> is null when the branch already held the change.
/// </summary>
internal sealed record LocalOnboardingResult(
    string Branch,
    bool BranchCreated,
    string? Commit,
    string? OriginalBranch,
    CompileResult? Compile,
    string? Refusal)
{
    public static LocalOnboardingResult Refused(string branch, string reason) => new(branch, false, null, null, null, reason);
}
