namespace Onboarding.GitHub.Onboarding;

public enum OnboardingStatus
{
    /// <summary>The event is not an approval (another action or label): nothing to do.</summary>
    NotApplicable,

    /// <summary>The labeler may not approve: nothing was done.</summary>
    Refused,

    /// <summary>The body changed after approval: the issue says so, nothing else was done.</summary>
    BodyChanged,

    /// <summary>The request has problems: the issue lists them, nothing else was created.</summary>
    Invalid,

    Done,

    /// <summary>GitHub failed after retries: the issue says which step, re-applying the label retries.</summary>
    Failed,
}
