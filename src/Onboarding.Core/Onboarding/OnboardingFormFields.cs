namespace Onboarding.Core.Onboarding;

/// <summary>
/// The ids of the onboarding issue form (templates/issue-forms/onboard-team.yml) the mapper reads. Labels may be
/// reworded freely; these ids are the contract between the form and the tool.
/// </summary>
public static class OnboardingFormFields
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
    public const string TemplatePath = IssueForms.OnboardingIssueForm.TemplatePath;

    public static IReadOnlyList<string> All { get; } =
        [TeamName, Description, GitHubTeam, Contacts, Repository, Environments, TrackingRef, DagFolder, RefreshInterval, Acknowledgement];

    /// <summary>
    /// Which form field each key of the team file the mapper writes comes from: a finding about a key is shown
    /// under that field. A key path belongs to the longest entry it starts with.
    /// </summary>
    private static readonly (string KeyPath, string Field)[] KeyPathFields =
    [
        ("name", TeamName),
        ("description", Description),
        ("owners.github_team", GitHubTeam),
        ("owners.contacts", Contacts),
        ("owners", GitHubTeam),
        ("bundles[0].name", TeamName),
        ("bundles[0].repo", Repository),
        .. GitBundleSettings.All.Where(s => s.FormField is not null).Select(s => ($"bundles[0].{s.Key}", s.FormField!)),
        ("bundles[0].environments", Environments),
    ];

    /// <summary>The field a finding at <paramref name="keyPath"/> of the requested team file belongs to; the team name when none fits better.</summary>
    public static string ForKeyPath(string? keyPath)
    {
        if (keyPath is null)
        {
            return TeamName;
        }

        var best = (Length: -1, Field: TeamName);
        foreach (var (prefix, field) in KeyPathFields)
        {
            var matches = keyPath == prefix
                || (keyPath.StartsWith(prefix, StringComparison.Ordinal) && keyPath[prefix.Length] is '.' or '[');
            if (matches && prefix.Length > best.Length)
            {
                best = (prefix.Length, field);
            }
        }

        return best.Field;
    }

    /// <summary>The fields without which no team file can be written.</summary>
    public static IReadOnlyList<string> Required { get; } = [TeamName, GitHubTeam, Repository, Environments, Acknowledgement];
}
