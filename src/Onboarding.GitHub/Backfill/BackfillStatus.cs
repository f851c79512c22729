namespace Onboarding.GitHub.Backfill;

public enum BackfillStatus
{
    /// <summary>Every selected team and the artifacts already matched: nothing was sent.</summary>
    Converged,

    /// <summary>Changes were made (or, in a dry run, planned).</summary>
    Changed,

    /// <summary>The platform files do not validate, a named team does not exist, or a repository needs a person: exit 1.</summary>
    Invalid,

    /// <summary>GitHub failed after retries; a re-run finishes what is left.</summary>
    Failed,

    /// <summary>Stopped by the caller (SIGINT, SIGTERM) between two requests; a re-run finishes what is left.</summary>
    Cancelled,
}
