namespace Onboarding.Git.Regeneration;

public enum PushOutcome
{
    Pushed,

    /// <summary>The branch moved since it was fetched: fetch, recompile and try again.</summary>
    Moved,

    /// <summary>The server refuses this push whatever its content (branch protection, missing permission).</summary>
    Refused,
}
