namespace Onboarding.Core.Settings;

/// <summary>
/// The GitDagBundle arguments a team file can set, besides <c>repo_url</c> (compiled from a bundle's
/// vetted <c>repo</c>). Each entry is the single description of its key: type, where it may be
/// written, which Airflow versions accept it, its rule and its schema text. The order is the order
/// of keys in written team files.
/// </summary>
public static partial class GitBundleSettings
{
    public const string RepoUrlKwarg = "repo_url";

    /// <summary>
    /// An http(s) URL with a host (Airflow drops any other view URL); Airflow fills in {version} and
    /// {subdir} with Python's str.format, so no other braces may appear.
    /// </summary>
    public const string ViewUrlPattern = @"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#](?:[!-z|~]|\{version\}|\{subdir\})*)?$";

    public static TextRule GitRef { get; } = new(
        NameRules.IsGitRef,
        "is not a usable git branch, tag or commit",
        "use a name like 'main' or 'release/2025-01': ASCII, no spaces, no leading '-', no '..', '~', '^', ':', '?', '*', '[' or '\\'")
    {
        Code = DiagnosticCodes.InvalidRef,
    };

    public static TextRule Folder { get; } = new(
        NameRules.IsRelativeFolder,
        "is not a folder inside the repository",
        "use a relative folder with '/' such as 'dags' or 'src/dags': no leading '/' or '-', no '..', ASCII only")
    {
        Code = DiagnosticCodes.InvalidPath,
    };

    public static BundleSetting TrackingRef { get; } = new("tracking_ref", SettingType.Text,
        "Branch, tag or commit GitDagBundle checks out (no leading '-', no '..', no spaces).")
    {
        Example = "release/2025-01",
        Places = SettingPlaces.Cascading,
        Required = true,
        FormField = "tracking_ref",
        Rule = GitRef,
    };

    public static BundleSetting Subdir { get; } = new("subdir", SettingType.Text,
        "Folder inside the repository holding the DAGs, relative, '/'-separated, no '..'.")
    {
        Example = "src/dags",
        Places = SettingPlaces.Cascading,
        AirflowDefault = "the repository root",
        FormField = "dag_folder",
        Rule = Folder,
    };

    public static BundleSetting RefreshInterval { get; } = new("refresh_interval", SettingType.WholeNumber,
        $"Seconds between refreshes of the bundle (at least {SettingsReader.MinimumRefreshInterval}).")
    {
        Example = 120,
        Places = SettingPlaces.Cascading,
        AirflowDefault = "300",
        FormField = "refresh_interval",
        Minimum = SettingsReader.MinimumRefreshInterval,
    };

    public static BundleSetting GitConnId { get; } = new("git_conn_id", SettingType.Text,
        "Airflow connection GitDagBundle clones with; a bundle's value overrides airflow.git_conn_id.")
    {
        Example = "github_payments",
        Places = SettingPlaces.Bundle | SettingPlaces.Airflow,
        AirflowDefault = "'git_default'",
        Rule = new(value => NameRules.ConnId().IsMatch(value), "is not valid", "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'")
        {
            Pattern = NameRules.ConnIdPattern,
            MaxLength = 1024,
        },
    };

    public static BundleSetting Submodules { get; } = new("submodules", SettingType.Boolean, "Check out git submodules.")
    {
        Example = true,
        AirflowDefault = "false",
    };

    public static BundleSetting SparseDirs { get; } = new("sparse_dirs", SettingType.TextList, "Sparse checkout folders.")
    {
        Example = new[] { "dags", "common" },
        AirflowDefault = "the whole repository",
        Rule = Folder,
    };

    public static BundleSetting PruneDotgitFolder { get; } = new("prune_dotgit_folder", SettingType.Boolean,
        "Remove the .git folder from checked-out versions to save disk space; GitDagBundle keeps it when submodules is true.")
    {
        Example = false,
        AirflowDefault = "true",
    };

    public static BundleSetting ViewUrlTemplate { get; } = new("view_url_template", SettingType.Text,
        "Link from the Airflow UI to a version's source: an http(s) URL where {version} and {subdir} are filled in (Airflow 3.1 or later).")
    {
        Example = "https://github.com/acme-data/airflow-data/tree/{version}/{subdir}",
        Since = AirflowVersion.V31,
        AirflowDefault = "a link made from repo_url",
        Rule = new(value => ViewUrl().IsMatch(value), "is not an http or https URL with a host",
            "write an http:// or https:// URL with a host and no spaces; only {version} and {subdir} may appear in braces, e.g. https://github.com/acme-data/airflow-data/tree/{version}/{subdir}")
        {
            Pattern = ViewUrlPattern,
            MaxLength = 1024,
        },
    };

    public static IReadOnlyList<BundleSetting> All { get; } = [TrackingRef, Subdir, RefreshInterval, GitConnId, Submodules, SparseDirs, PruneDotgitFolder, ViewUrlTemplate];

    /// <summary>The settings that may be written at <paramref name="place"/>, in file order.</summary>
    public static IReadOnlyList<BundleSetting> At(SettingPlaces place) => ByPlace[(int)place];

    /// <summary><see cref="At"/> for every combination of places (the enum's values), worked out once: each bundle of each team file asks.</summary>
    private static readonly IReadOnlyList<BundleSetting>[] ByPlace =
        [.. Enumerable.Range(0, (int)(SettingPlaces.Cascading | SettingPlaces.Airflow) + 1).Select(place => (IReadOnlyList<BundleSetting>)[.. All.Where(s => s.AllowedAt((SettingPlaces)place))])];

    [GeneratedRegex(ViewUrlPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ViewUrl();
}
