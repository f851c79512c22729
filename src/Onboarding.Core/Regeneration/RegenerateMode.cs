namespace Onboarding.Core.Regeneration;

internal enum RegenerateMode
{
    /// <summary>Commit on the checked-out branch; push nothing.</summary>
    Local,

    /// <summary>Commit on the fetched head of the branch and push it there, fast-forward only.</summary>
    Push,
}
