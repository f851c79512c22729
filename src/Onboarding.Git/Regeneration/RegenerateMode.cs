namespace Onboarding.Git.Regeneration;

public enum RegenerateMode
{
    /// <summary>Commit on the checked-out branch; push nothing.</summary>
    Local,

    /// <summary>Commit on the fetched head of the branch and push it there, fast-forward only.</summary>
    Push,

    /// <summary>
    /// Commit on the fetched head of the branch and push it to the tool's own branch for it
    /// (<c>onboarding-artifacts/&lt;branch&gt;</c>), for a pull request, when the branch takes no direct push.
    /// </summary>
    PullRequest,
}
