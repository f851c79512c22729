namespace Onboarding.Core.Schema;

/// <summary>
/// onboarding.yaml, described once: published as schemas/onboarding.schema.json, read by
/// <see cref="PlatformConfigLoader"/>. A new section is one more entry in <see cref="Root"/>.
/// </summary>
public static class PlatformFileSchema
{
    public static IReadOnlyList<string> Visibilities { get; } = ["private", "internal", "public"];

    public static IReadOnlyList<string> ApproverPermissions { get; } = ["write", "maintain", "admin"];

    public static SchemaNode GitHub { get; } = SchemaNode.Mapping(
    [
        new("org", SchemaNode.Text(NameRules.OrgPattern, "Organisation where team repositories are created."), Required: true),
        new("template_repo", SchemaNode.Text(NameRules.RepoNamePattern,
            "Template repository in org for new team repositories; absent: seed from templates/team-repo/.")),
        new("visibility", SchemaNode.Choice(Visibilities, "Visibility of new team repositories.") with { Default = "private" }),
        new("approval_label", SchemaNode.Text(NameRules.LabelPattern,
            "The label a maintainer applies to approve an onboarding issue. Never put it in an issue form.") with { Default = GitHubSettings.DefaultApprovalLabel }),
        new("approver_permission", SchemaNode.Choice(ApproverPermissions,
            "Least permission on the platform repository the labeler needs.") with { Default = "maintain" }),
    ], "Where team repositories are created and who may approve an onboarding issue.");

    public static SchemaNode Defaults { get; } = SchemaNode.Mapping(SchemaNode.Settings(SettingPlaces.PlatformDefaults),
        "Defaults for every bundle in every environment.");

    public static SchemaNode Airflow { get; } = SchemaNode.Mapping(
    [
        new("version", SchemaNode.Text(NameRules.AirflowVersionPattern,
            "Airflow minor version, quoted (\"3.2\"): decides which keys may be emitted."), Required: true),
        new("multi_team", SchemaNode.Boolean("Emit team_name on every bundle (Airflow 3.2 or later only).") with { Default = false }),
        new("classpath", SchemaNode.Text(NameRules.ClasspathPattern, "Bundle class.") with { Default = AirflowSettings.GitDagBundleClasspath }),
        .. SchemaNode.Settings(SettingPlaces.Airflow),
        new("defaults", Defaults),
    ], "The Airflow that reads the compiled lists: its version decides which keys may be emitted.");

    public static SchemaNode Environment { get; } = SchemaNode.Mapping(
    [
        .. SchemaNode.Settings(SettingPlaces.PlatformEnvironment),
        new("allow_empty", SchemaNode.Boolean("Accept an empty bundle list for this environment (Airflow then loads no DAGs there).") with { Default = false }),
        new("formats", Formats("This environment's artifact forms, instead of outputs.formats") with { Example = new[] { OutputSettings.Json, OutputSettings.Cfg, OutputSettings.Helm } }),
    ], "One environment and the settings every bundle gets there; empty means 'no overrides'.") with
    {
        Nullable = true,
    };

    public static SchemaNode Environments { get; } = SchemaNode.Map(NameRules.EnvironmentNamePattern, Environment,
        "Ordered environments; each gets generated/<env>/ artifacts.") with
    {
        MinProperties = 1,
    };

    public static SchemaNode Outputs { get; } = SchemaNode.Mapping(
    [
        new("dir", new SchemaNode(SchemaKind.Text)
        {
            MinLength = 1,
            MaxLength = GitBundleSettings.Folder.MaxLength,
            Default = OutputSettings.DefaultDir,
            Description = "Folder for compiled artifacts, relative to the repository root.",
        }),
        new("formats", Formats("Artifact forms of every environment that sets no formats of its own") with { Default = OutputSettings.DefaultFormats }),
    ], "What 'onboard compile' writes.");

    /// <summary>A <c>formats</c> list: the forms and what each is for, from <see cref="OutputFormat.All"/>.</summary>
    private static SchemaNode Formats(string what) =>
        SchemaNode.List(SchemaNode.Choice(OutputSettings.AllFormats),
            $"{what}; {OutputSettings.Json} is always required. " +
            string.Join("; ", OutputFormat.All.Select(f => $"{f.Name}: <env>/{f.FileName}, {f.Consumer}")) + ".") with
        {
            MustContain = OutputSettings.Json,
        };

    public static SchemaNode Policy { get; } = SchemaNode.Mapping(
    [
        new("repo_hosts", SchemaNode.List(SchemaNode.Text(HostRules.HostPattern), "Hosts a bundle repository URL may point at.") with
        {
            Default = new[] { PolicySettings.DefaultHost },
        }),
        new("repo_owners", SchemaNode.List(SchemaNode.Text(NameRules.OrgPattern), "Owners a bundle repository URL may point at (default: [github.org]).")),
        new("reserved_names", SchemaNode.List(SchemaNode.Text(), "Team and bundle names nobody may use, added to the built-in ones.")),
        new("allowed_classpaths", SchemaNode.List(SchemaNode.Text(NameRules.ClasspathPattern),
            "Bundle classes airflow.classpath may name besides airflow.providers.git.bundles.git.GitDagBundle (Airflow imports the class at start-up).")),
    ], "What team files may point at and call themselves.");

    /// <summary>The sections of onboarding.yaml in file order.</summary>
    public static SchemaNode Root { get; } = SchemaNode.Mapping(
    [
        new("schema_version", SchemaVersion.Node, Required: true),
        new("github", GitHub, Required: true),
        new("airflow", Airflow, Required: true),
        new("environments", Environments, Required: true),
        new("outputs", Outputs),
        new("policy", Policy),
        new("pipelines", Pipelines.PipelineShapes.Policy),
    ]);

    public static SchemaDocument Document { get; } = new(
        "onboarding.schema.json",
        "Airflow onboarding: platform settings (onboarding.yaml)",
        "Where team repositories live, which Airflow version reads the compiled list, the environments and the policy every team file must follow.",
        Root);
}
