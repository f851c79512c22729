namespace Onboarding.Core.Schema;

/// <summary>teams/&lt;team&gt;.yaml, described once: published as schemas/team.schema.json, read by <see cref="TeamFileLoader"/>.</summary>
public static class TeamFileSchema
{
    public static SchemaNode Owners { get; } = SchemaNode.Mapping(
    [
        new("github_team", SchemaNode.Text(NameRules.GitHubTeamSlugPattern,
            "Slug of the GitHub team in github.org that gets write access to the team's repositories."), Required: true),
        new("contacts", SchemaNode.List(SchemaNode.Text(NameRules.EmailPattern), "E-mail addresses to reach the team (optional).")),
    ], "Who owns the team's repositories and how to reach them.");

    public static SchemaNode BundleEnvironment { get; } = SchemaNode.Mapping(SchemaNode.Settings(SettingPlaces.BundleEnvironment),
        "Overrides for one environment; empty means 'enabled, no overrides'.") with
    {
        Nullable = true,
        Definition = "environmentOverride",
    };

    public static SchemaNode Bundle { get; } = SchemaNode.Mapping(
    [
        new("name", SchemaNode.Text(NameRules.TeamNamePattern, "Airflow bundle name, unique across all teams (ignoring case)."), Required: true),
        new("repo", new SchemaNode(SchemaKind.Text)
        {
            MinLength = 1,
            MaxLength = TeamFileLoader.MaxRepoLength,
            Description = "A repository name in github.org (created if missing), or https://github.com/<owner>/<repo>[.git] with host and owner allowed by policy.",
        }, Required: true),
        .. SchemaNode.Settings(SettingPlaces.Bundle),
        new("environments", SchemaNode.Map(NameRules.EnvironmentNamePattern, BundleEnvironment,
            "Environments that load this bundle, with optional overrides. Absent: every environment.")),
    ]) with
    {
        Definition = "bundle",
    };

    public static SchemaNode Root { get; } = SchemaNode.Mapping(
    [
        new("schema_version", SchemaVersion.Node, Required: true),
        new("name", SchemaNode.Text(NameRules.TeamNamePattern,
            "Team name: 3-50 lowercase ASCII letters, digits, '-' or '_'; must equal the file name without .yaml."), Required: true),
        new("description", new SchemaNode(SchemaKind.Text) { MaxLength = TeamFileLoader.MaxDescriptionLength, Description = "What the team's DAGs do (optional)." }),
        new("owners", Owners, Required: true),
        new("bundles", SchemaNode.List(Bundle, "The team's DAG bundles; at least one.") with { MinItems = 1 }, Required: true),
    ]);

    public static SchemaDocument Document { get; } = new(
        "team.schema.json",
        "Airflow onboarding: team file (teams/<name>.yaml)",
        "One team, its owners and its DAG bundles. Compiled by 'onboard compile' into Airflow's [dag_processor] dag_bundle_config_list.",
        Root);
}
