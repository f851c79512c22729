namespace Onboarding.GitHub;

/// <summary>Failures a flow reacts to differently from "GitHub said no".</summary>
public enum GitHubErrorReason
{
    Other,
    NotFound,

    /// <summary>A ref update without force that would not be a fast-forward: someone else moved the branch.</summary>
    NotFastForward,

    /// <summary>An open pull request for the same head already exists: find it and update it.</summary>
    PullRequestExists,

    /// <summary>A repository or branch of that name already exists (GitHub matches names case-insensitively).</summary>
    AlreadyExists,

    RateLimited,

    /// <summary>5xx, timeouts and failed connections that outlasted the retries.</summary>
    Unavailable,
}
