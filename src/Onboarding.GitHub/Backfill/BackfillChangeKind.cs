namespace Onboarding.GitHub.Backfill;

internal enum BackfillChangeKind
{
    CreateRepository,
    GrantPush,
    RegenerateArtifact,

    /// <summary>Reported, never changed: archiving is a decision someone made.</summary>
    ArchivedRepository,

    /// <summary>A repository outside github.org that does not exist: only its owners or the team file can fix it.</summary>
    MissingRepository,
}
