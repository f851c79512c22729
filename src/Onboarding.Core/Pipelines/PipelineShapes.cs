using Onboarding.Core.Pipelines.Schema;
using Onboarding.Core.Validation;

namespace Onboarding.Core.Pipelines;

/// <summary>
/// The description in code of <c>pipelines/*.yaml</c> and <c>.onboard/platform.yaml</c>: keys,
/// types, patterns and help text. The loader reads with these key lists; the published schemas are
/// generated from it.
/// </summary>
public static class PipelineShapes
{
    public const string DurationRule = "write a whole number and a unit: 30s, 5m, 2h or 1d";

    public static readonly TextShape DurationText = new("A duration: a whole number and a unit, s (seconds), m (minutes), h (hours) or d (days), e.g. 30s, 5m, 2h, 1d.", PipelinePatterns.Duration, 7);

    public static readonly ObjectShape Settings = new(
        "Task settings: they become the DAG's default_args (start_date the DAG's start date).",
        [
            new("retries", new IntegerShape("How often a failed task is retried.", 0, 100)),
            new("retry_delay", DurationText with { Description = "Wait between retries, e.g. 5m." }),
            new("execution_timeout", DurationText with { Description = "A task running longer is failed, e.g. 2h." }),
            new("start_date", new TextShape("First date the schedule covers, YYYY-MM-DD (UTC).", PipelinePatterns.Date, 10)),
        ]);

    public static readonly ObjectShape Tier = Settings with
    {
        Description = "A tier's settings override the platform defaults; deadline sets the default deadline alert.",
        Properties = [.. Settings.Properties, new("deadline", DurationText with { Description = "Alert when a run is not done this long after it was queued." })],
    };

    public static readonly IReadOnlyList<string> LockableKeys = Tier.Keys;

    public static readonly ObjectShape PlatformAlerts = new(
        "How the platform sends alerts: the Airflow connection of its mail server and/or its Slack webhook.",
        [
            new("smtp_conn_id", new TextShape("Airflow connection of the SMTP server (SmtpNotifier).", NameRules.ConnIdPattern, 250)),
            new("slack_webhook_conn_id", new TextShape("Airflow connection of the Slack webhook (SlackWebhookNotifier).", NameRules.ConnIdPattern, 250)),
        ]);

    public static readonly ObjectShape Policy = new(
        "Pipeline policy: defaults, tiers and locked keys every generated DAG carries.",
        [
            new("defaults", Settings with { Description = "Settings of every pipeline unless its tier or its own defaults override them." }),
            new("tiers", new MapShape("Tiers a pipeline may pick; each overrides the defaults.", PipelinePatterns.TierName, Tier)),
            new("locked", new ListShape("Keys a pipeline may not override.", new TextShape("A settings key.", Allowed: LockableKeys, MaxLength: 32), Unique: true)),
            new("connections", new ListShape("Airflow connection ids steps may use.", new TextShape("An Airflow connection id.", NameRules.ConnIdPattern, 250), Unique: true)),
            new("alerts", PlatformAlerts),
            new("tags", new ListShape("Tags added to every DAG, after team:<team>.", new TextShape("A DAG tag.", PipelinePatterns.Tag, 100), Unique: true)),
        ]);

    public static readonly ObjectShape TeamPlatform = new(
        "Written by the platform into each team repository; never edited by the team.",
        [
            new("schema_version", new IntegerShape("Version of this file's format.", 1, 1), Required: true),
            new("team", new TextShape("The team's name in the platform repository.", NameRules.TeamNamePattern, 50), Required: true),
            new("contacts", new ListShape("The team's e-mail contacts; the first is the default owner of a pipeline.", new TextShape("An e-mail address.", NameRules.EmailPattern, 254))),
            new("airflow_version", new TextShape("The Airflow minor version the DAGs run on, e.g. \"3.2\".", NameRules.AirflowVersionPattern, 8), Required: true),
            new("pipelines", Policy),
        ]);

    public static readonly ObjectShape RowCount = new(
        "Bounds of the table's row count (SQLTableCheckOperator).",
        [
            new("min", new IntegerShape("Fewest rows allowed.", 0, int.MaxValue)),
            new("max", new IntegerShape("Most rows allowed.", 0, int.MaxValue)),
        ],
        MinProperties: 1);

    public static readonly ObjectShape ColumnChecks = new(
        "Checks of one column (SQLColumnCheckOperator).",
        [
            new("not_null", new BooleanShape("No NULL values.")),
            new("unique", new BooleanShape("No duplicate values.")),
            new("min", new NumberShape("Smallest value allowed.")),
            new("max", new NumberShape("Largest value allowed.")),
        ],
        MinProperties: 1);

    public static readonly ObjectShape Checks = new(
        "Data-quality checks of one table.",
        [
            new("conn", new TextShape("Airflow connection id, one of the platform's connections.", NameRules.ConnIdPattern, 250), Required: true),
            new("table", new TextShape("The table, optionally schema-qualified.", PipelinePatterns.Table, 400), Required: true),
            new("row_count", RowCount),
            new("columns", new MapShape("Checks per column.", PipelinePatterns.Column, ColumnChecks)),
        ]);

    public static readonly ObjectShape Pod = new(
        "A container run on Kubernetes (KubernetesPodOperator).",
        [
            new("image", new TextShape("Container image, e.g. ghcr.io/acme/train:1.4.", PipelinePatterns.Image, 255), Required: true),
            new("cmds", new ListShape("Entrypoint of the container.", new TextShape("One argument."))),
            new("arguments", new ListShape("Arguments of the entrypoint; Jinja templates such as {{ ds }} are rendered.", new TextShape("One argument."))),
            new("namespace", new TextShape("Kubernetes namespace.", PipelinePatterns.Namespace, 63)),
            new("env", new MapShape("Environment variables of the container.", PipelinePatterns.EnvironmentVariable, new TextShape("The value."))),
        ]);

    public static readonly TextShape AssetUri = new("An asset URI, scheme://..., not airflow://.", PipelinePatterns.AssetUri, 1000);

    public static readonly ObjectShape Step = new(
        "One task of the pipeline: exactly one of sql, checks, bash or pod.",
        [
            new("id", new TextShape("The task id: lowercase letters, digits and single '_'.", PipelinePatterns.StepId, 63), Required: true),
            new("after", new ListShape("Steps that must finish first.", new TextShape("A step id.", PipelinePatterns.StepId, 63), Unique: true)),
            new("produces", new ListShape("Assets this step updates (its outlets).", AssetUri, Unique: true)),
            new("sql", new TextShape("A .sql file of the repository, relative to its root.", PipelinePatterns.RepositoryPath, 255)),
            new("conn", new TextShape("Airflow connection id of a sql step, one of the platform's connections.", NameRules.ConnIdPattern, 250)),
            new("checks", Checks),
            new("bash", new TextShape("A shell command; when its first word is a .sh file of the repository, that script is run.", MaxLength: 4000)),
            new("pod", Pod),
        ]);

    public static readonly ObjectShape AssetSchedule = new(
        "Run when all of these assets were updated.",
        [new("assets", new ListShape("Asset URIs.", AssetUri, Unique: true), Required: true)]);

    public static readonly ObjectShape Alerts = new(
        "Who hears about failures and missed deadlines.",
        [
            new("email", new ListShape("E-mail addresses (the platform's SMTP connection).", new TextShape("An e-mail address.", NameRules.EmailPattern, 254), Unique: true)),
            new("slack", new TextShape("The Slack channel the platform's webhook posts to, e.g. \"#payments-alerts\".", PipelinePatterns.SlackChannel, 81)),
        ],
        MinProperties: 1);

    public static readonly ObjectShape Pipeline = new(
        "A pipeline: compiled by onboard into dags/<pipeline>.py.",
        [
            new("schema_version", new IntegerShape("Version of this file's format.", 1, 1), Required: true),
            new("pipeline", new TextShape("The pipeline's name; the file is pipelines/<pipeline>.yaml and the DAG id <team>__<pipeline>.", PipelinePatterns.PipelineName, 63), Required: true),
            new("description", new TextShape("What the pipeline does; shown as the DAG's documentation.", MaxLength: 2000)),
            new("owner", new TextShape("E-mail of the owner; default: the team's first contact.", NameRules.EmailPattern, 254)),
            new("tier", new TextShape("One of the platform's tiers.", PipelinePatterns.TierName, 31)),
            new("schedule", new AnyOfShape(
                "A cron expression, a preset (@hourly, @daily, @weekly, @monthly, @quarterly, @yearly), null (manual runs only) or {assets: [...]}.",
                [new TextShape("A 5-field cron expression or a preset.", MaxLength: 200), new NullShape("Manual runs only."), AssetSchedule])),
            new("tags", new ListShape("Tags of the DAG, after team:<team> and the platform's tags.", new TextShape("A DAG tag.", PipelinePatterns.Tag, 100), Unique: true)),
            new("deadline", DurationText with { Description = "Alert when a run is not done this long after it was queued, e.g. 45m." }),
            new("alerts", Alerts),
            new("defaults", Settings with { Description = "Overrides of the platform's settings (locked keys are refused)." }),
            new("external_assets", new ListShape("Assets produced outside this repository that the schedule may wait for.", AssetUri, Unique: true)),
            new("steps", new ListShape("The tasks, each exactly one kind.", Step), Required: true),
        ]);
}
