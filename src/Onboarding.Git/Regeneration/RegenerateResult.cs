namespace Onboarding.Git.Regeneration;

public enum RegenerateStatus
{
    /// <summary>The artifacts already equal a fresh compile: nothing was committed.</summary>
    UpToDate,
    Committed,
    Pushed,

    /// <summary>The configuration does not compile; nothing was committed.</summary>
    Invalid,

    /// <summary>Refused before any change (dirty checkout, not a repository, push not allowed...).</summary>
    Refused,

    /// <summary>The remote refused the push whatever its content (branch protection, permissions).</summary>
    Rejected,

    /// <summary>The branch kept moving for every attempt.</summary>
    GaveUp,
}

/// <summary>What <c>onboard regenerate</c> did: the commit it made (if any), from which base, after how many attempts.</summary>
public sealed record RegenerateResult(
    RegenerateStatus Status,
    CompileResult? Compile,
    string? Commit,
    string? Base,
    int Attempts,
    IReadOnlyList<string> Paths,
    string? Message)
{
    /// <summary>The branch that was regenerated (with --push or --pr).</summary>
    public string? Branch { get; init; }

    /// <summary>With <see cref="RegenerateMode.PullRequest"/>: the branch holding the commit, whether pushed now or earlier.</summary>
    public string? ProposalBranch { get; init; }

    /// <summary>The proposal branch already held these files on this base, so nothing was pushed.</summary>
    public bool AlreadyProposed { get; init; }
}
