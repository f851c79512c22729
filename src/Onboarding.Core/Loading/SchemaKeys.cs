namespace Onboarding.Core.Loading;

/// <summary>
/// The keys each mapping may hold. The published JSON Schemas in schemas/ list the same keys; a
/// test keeps the two equal.
/// </summary>
internal static class SchemaKeys
{
    public const int SupportedSchemaVersion = 1;

    public static readonly string[] Team = ["schema_version", "name", "description", "owners", "bundles"];
    public static readonly string[] Owners = ["github_team", "contacts"];
    public static readonly string[] Bundle = ["name", "repo", "tracking_ref", "subdir", "refresh_interval", "git_conn_id", "submodules", "sparse_dirs", "environments"];
    public static readonly string[] BundleEnvironment = ["tracking_ref", "subdir", "refresh_interval"];

    public static readonly string[] Platform = ["schema_version", "github", "airflow", "environments", "outputs", "policy", "pipelines"];
    public static readonly string[] GitHub = ["org", "template_repo", "visibility", "approval_label", "approver_permission"];
    public static readonly string[] Airflow = ["version", "multi_team", "classpath", "git_conn_id", "defaults"];
    public static readonly string[] Defaults = ["tracking_ref", "subdir", "refresh_interval"];
    public static readonly string[] PlatformEnvironment = ["tracking_ref", "subdir", "refresh_interval", "allow_empty"];
    public static readonly string[] Outputs = ["dir", "formats"];
    public static readonly string[] Policy = ["repo_hosts", "repo_owners", "reserved_names"];

    public static readonly string[] Visibilities = ["private", "internal", "public"];
    public static readonly string[] ApproverPermissions = ["write", "maintain", "admin"];
}
