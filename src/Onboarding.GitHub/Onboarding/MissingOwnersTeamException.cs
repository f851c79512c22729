namespace Onboarding.GitHub.Onboarding;

/// <summary>The owners' team named by a team file or request does not exist in the organization; nothing was created for it.</summary>
public sealed class MissingOwnersTeamException : Exception
{
    public MissingOwnersTeamException(string org, string teamSlug)
        : base($"the owners' team {org}/{teamSlug} does not exist")
    {
        Org = org;
        TeamSlug = teamSlug;
    }

    public MissingOwnersTeamException()
        : this(string.Empty, string.Empty)
    {
    }

    public MissingOwnersTeamException(string message)
        : base(message)
    {
        Org = string.Empty;
        TeamSlug = string.Empty;
    }

    public MissingOwnersTeamException(string message, Exception innerException)
        : base(message, innerException)
    {
        Org = string.Empty;
        TeamSlug = string.Empty;
    }

    public string Org { get; }

    public string TeamSlug { get; }
}
