namespace Onboarding.GitHub.Backfill;

public enum BackfillChangeKind
{
    CreateRepository,
    GrantPush,
    RegenerateArtifact,

    /// <summary>An open backfill pull request whose artifacts the default branch already holds.</summary>
    ClosePullRequest,

    /// <summary>Reported, never changed: archiving is a decision someone made.</summary>
    ArchivedRepository,

    /// <summary>A repository outside github.org that does not exist: only its owners or the team file can fix it.</summary>
    MissingRepository,

    /// <summary>The owners' team does not exist in github.org: nothing is created for the team until it does.</summary>
    MissingTeam,
}
