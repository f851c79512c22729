namespace Onboarding.Core.Pipelines;

/// <summary>
/// The description in code of <c>pipelines/*.yaml</c> and <c>.onboard/platform.yaml</c>: keys,
/// types, patterns and help text. The loader reads with these key lists; the published schemas are
/// generated from it.
/// </summary>
public static class PipelineShapes
{
    public const string DurationRule = "write a whole number and a unit: 30s, 5m, 2h or 1d";

    public static readonly SchemaNode DurationText = Text("A duration: a whole number and a unit, s (seconds), m (minutes), h (hours) or d (days), e.g. 30s, 5m, 2h, 1d.", PipelinePatterns.Duration, 7);

    public static readonly SchemaNode Settings = Object(
        "Task settings: they become the DAG's default_args (start_date the DAG's start date).",
        [
            Key("retries", Integer("How often a failed task is retried.", 0, 100)),
            Key("retry_delay", DurationText with { Description = "Wait between retries, e.g. 5m." }),
            Key("execution_timeout", DurationText with { Description = "A task running longer is failed, e.g. 2h." }),
            Key("start_date", Text("First date the schedule covers, YYYY-MM-DD (UTC).", PipelinePatterns.Date, 10)),
        ]);

    public static readonly SchemaNode Tier = Settings with
    {
        Description = "A tier's settings override the platform defaults; deadline sets the default deadline alert.",
        Properties = [.. Settings.Properties, Key("deadline", DurationText with { Description = "Alert when a run is not done this long after it was queued." })],
    };

    public static readonly IReadOnlyList<string> LockableKeys = Tier.Keys;

    public static readonly SchemaNode PlatformAlerts = Object(
        "How the platform sends alerts: the Airflow connection of its mail server and/or its Slack webhook.",
        [
            Key("smtp_conn_id", Text("Airflow connection of the SMTP server (SmtpNotifier).", NameRules.ConnIdPattern, 250)),
            Key("slack_webhook_conn_id", Text("Airflow connection of the Slack webhook (SlackWebhookNotifier).", NameRules.ConnIdPattern, 250)),
        ]);

    public static readonly SchemaNode Policy = Object(
        "Pipeline policy: defaults, tiers and locked keys every generated DAG carries.",
        [
            Key("defaults", Settings with { Description = "Settings of every pipeline unless its tier or its own defaults override them." }),
            Key("tiers", Map("Tiers a pipeline may pick; each overrides the defaults.", PipelinePatterns.TierName, Tier)),
            Key("locked", List("Keys a pipeline may not override.", Text("A settings key.", allowed: LockableKeys, maxLength: 32), unique: true)),
            Key("connections", List("Airflow connection ids steps may use.", Text("An Airflow connection id.", NameRules.ConnIdPattern, 250), unique: true)),
            Key("alerts", PlatformAlerts),
            Key("tags", List("Tags added to every DAG, after team:<team>.", Text("A DAG tag.", PipelinePatterns.Tag, 100), unique: true)),
        ]);

    public static readonly SchemaNode TeamPlatform = Object(
        "Written by the platform into each team repository; never edited by the team.",
        [
            Key("schema_version", Integer("Version of this file's format.", 1, 1), required: true),
            Key("team", Text("The team's name in the platform repository.", NameRules.TeamNamePattern, 50), required: true),
            Key("contacts", List("The team's e-mail contacts; the first is the default owner of a pipeline.", Text("An e-mail address.", NameRules.EmailPattern, 254))),
            Key("airflow_version", Text("The Airflow minor version the DAGs run on, e.g. \"3.2\".", NameRules.AirflowVersionPattern, 8), required: true),
            Key("pipelines", Policy),
        ]);

    public static readonly SchemaNode RowCount = Object(
        "Bounds of the table's row count (SQLTableCheckOperator).",
        [
            Key("min", Integer("Fewest rows allowed.", 0, int.MaxValue)),
            Key("max", Integer("Most rows allowed.", 0, int.MaxValue)),
        ],
        minProperties: 1);

    public static readonly SchemaNode ColumnChecks = Object(
        "Checks of one column (SQLColumnCheckOperator).",
        [
            Key("not_null", SchemaNode.Boolean("No NULL values.")),
            Key("unique", SchemaNode.Boolean("No duplicate values.")),
            Key("min", Number("Smallest value allowed.")),
            Key("max", Number("Largest value allowed.")),
        ],
        minProperties: 1);

    public static readonly SchemaNode Checks = Object(
        "Data-quality checks of one table.",
        [
            Key("conn", Text("Airflow connection id, one of the platform's connections.", NameRules.ConnIdPattern, 250), required: true),
            Key("table", Text("The table, optionally schema-qualified.", PipelinePatterns.Table, 400), required: true),
            Key("row_count", RowCount),
            Key("columns", Map("Checks per column.", PipelinePatterns.Column, ColumnChecks)),
        ]);

    public static readonly SchemaNode Pod = Object(
        "A container run on Kubernetes (KubernetesPodOperator).",
        [
            Key("image", Text("Container image, e.g. ghcr.io/acme/train:1.4.", PipelinePatterns.Image, 255), required: true),
            Key("cmds", List("Entrypoint of the container.", Text("One argument."))),
            Key("arguments", List("Arguments of the entrypoint; Jinja templates such as {{ ds }} are rendered.", Text("One argument."))),
            Key("namespace", Text("Kubernetes namespace.", PipelinePatterns.Namespace, 63)),
            Key("env", Map("Environment variables of the container.", PipelinePatterns.EnvironmentVariable, Text("The value."))),
        ]);

    public static readonly SchemaNode AssetUri = Text("An asset URI, scheme://..., not airflow://.", PipelinePatterns.AssetUri, 1000);

    public static readonly SchemaNode Step = Object(
        "One task of the pipeline: exactly one of sql, checks, bash or pod.",
        [
            Key("id", Text("The task id: lowercase letters, digits and single '_'.", PipelinePatterns.StepId, 63), required: true),
            Key("after", List("Steps that must finish first.", Text("A step id.", PipelinePatterns.StepId, 63), unique: true)),
            Key("produces", List("Assets this step updates (its outlets).", AssetUri, unique: true)),
            Key("sql", Text("A .sql file of the repository, relative to its root.", PipelinePatterns.RepositoryPath, 255)),
            Key("conn", Text("Airflow connection id of a sql step, one of the platform's connections.", NameRules.ConnIdPattern, 250)),
            Key("checks", Checks),
            Key("bash", Text("A shell command; when its first word is a .sh file of the repository, that script is run.", maxLength: 4000)),
            Key("pod", Pod),
        ]);

    public static readonly SchemaNode AssetSchedule = Object(
        "Run when all of these assets were updated.",
        [Key("assets", List("Asset URIs.", AssetUri, unique: true), required: true)]);

    public static readonly SchemaNode Alerts = Object(
        "Who hears about failures and missed deadlines.",
        [
            Key("email", List("E-mail addresses (the platform's SMTP connection).", Text("An e-mail address.", NameRules.EmailPattern, 254), unique: true)),
            Key("slack", Text("The Slack channel the platform's webhook posts to, e.g. \"#payments-alerts\".", PipelinePatterns.SlackChannel, 81)),
        ],
        minProperties: 1);

    public static readonly SchemaNode Pipeline = Object(
        "A pipeline: compiled by onboard into dags/<pipeline>.py.",
        [
            Key("schema_version", Integer("Version of this file's format.", 1, 1), required: true),
            Key("pipeline", Text("The pipeline's name; the file is pipelines/<pipeline>.yaml and the DAG id <team>__<pipeline>.", PipelinePatterns.PipelineName, 63), required: true),
            Key("description", Text("What the pipeline does; shown as the DAG's documentation.", maxLength: 2000)),
            Key("owner", Text("E-mail of the owner; default: the team's first contact.", NameRules.EmailPattern, 254)),
            Key("tier", Text("One of the platform's tiers.", PipelinePatterns.TierName, 31)),
            Key("schedule", AnyOf(
                "A cron expression, a preset (@hourly, @daily, @weekly, @monthly, @quarterly, @yearly), null (manual runs only) or {assets: [...]}.",
                [Text("A 5-field cron expression or a preset.", maxLength: 200), Null("Manual runs only."), AssetSchedule])),
            Key("tags", List("Tags of the DAG, after team:<team> and the platform's tags.", Text("A DAG tag.", PipelinePatterns.Tag, 100), unique: true)),
            Key("deadline", DurationText with { Description = "Alert when a run is not done this long after it was queued, e.g. 45m." }),
            Key("alerts", Alerts),
            Key("defaults", Settings with { Description = "Overrides of the platform's settings (locked keys are refused)." }),
            Key("external_assets", List("Assets produced outside this repository that the schedule may wait for.", AssetUri, unique: true)),
            Key("steps", List("The tasks, each exactly one kind.", Step), required: true),
        ]);

    private static SchemaProperty Key(string key, SchemaNode node, bool required = false) => new(key, node, required);

    private static SchemaNode Text(string description, string? pattern = null, int maxLength = 1024, IReadOnlyList<string>? allowed = null) =>
        allowed is null
            ? new(SchemaKind.Text) { Description = description, Pattern = pattern, MaxLength = maxLength }
            : SchemaNode.Choice(allowed, description);

    private static SchemaNode Integer(string description, int minimum, int maximum) =>
        new(SchemaKind.WholeNumber) { Description = description, Minimum = minimum, Maximum = maximum };

    private static SchemaNode Number(string description) => new(SchemaKind.Number) { Description = description };

    private static SchemaNode Null(string description) => new(SchemaKind.Null) { Description = description };

    private static SchemaNode List(string description, SchemaNode items, bool unique = false) =>
        SchemaNode.List(items, description) with { UniqueItems = unique };

    private static SchemaNode Map(string description, string keyPattern, SchemaNode values) => SchemaNode.Map(keyPattern, values, description);

    private static SchemaNode AnyOf(string description, IReadOnlyList<SchemaNode> alternatives) =>
        new(SchemaKind.AnyOf) { Description = description, Alternatives = alternatives };

    private static SchemaNode Object(string description, IReadOnlyList<SchemaProperty> properties, int minProperties = 0) =>
        SchemaNode.Mapping(properties, description) with { MinProperties = minProperties > 0 ? minProperties : null };
}
