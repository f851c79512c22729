namespace Onboarding.GitHub.Drift;

/// <summary>What the report did to the sticky drift issue.</summary>
public enum DriftIssueAction
{
    /// <summary>No drift and no open issue, or the open issue already says exactly this.</summary>
    None,
    Opened,
    Reopened,
    Updated,
    Closed,
}
