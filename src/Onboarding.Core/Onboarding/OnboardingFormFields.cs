namespace Onboarding.Core.Onboarding;

/// <summary>
/// The ids of the onboarding issue form (templates/issue-forms/onboard-team.yml) the mapper reads. Labels may be
/// reworded freely; these ids are the contract between the form and the tool.
/// </summary>
internal static class OnboardingFormFields
{
    public const string TeamName = "team_name";
    public const string Description = "description";
    public const string GitHubTeam = "github_team";
    public const string Contacts = "contacts";
    public const string Repository = "repository";
    public const string Environments = "environments";
    public const string TrackingRef = "tracking_ref";
    public const string DagFolder = "dag_folder";
    public const string RefreshInterval = "refresh_interval";
    public const string Acknowledgement = "acknowledgement";

    /// <summary>The form template inside a platform repository.</summary>
    public const string TemplatePath = "templates/issue-forms/onboard-team.yml";

    public static IReadOnlyList<string> All { get; } =
        [TeamName, Description, GitHubTeam, Contacts, Repository, Environments, TrackingRef, DagFolder, RefreshInterval, Acknowledgement];

    /// <summary>The fields without which no team file can be written.</summary>
    public static IReadOnlyList<string> Required { get; } = [TeamName, GitHubTeam, Repository, Environments, Acknowledgement];
}
