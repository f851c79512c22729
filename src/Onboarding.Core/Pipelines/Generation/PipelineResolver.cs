namespace Onboarding.Core.Pipelines.Generation;

/// <summary>
/// Applies the platform to a pipeline: settings (platform defaults &lt; tier &lt; pipeline), owner,
/// tags and alert notifiers. Rules that need the merged result (a deadline needs a channel) are checked here.
/// </summary>
public static class PipelineResolver
{
    public const string DagFolder = "dags";

    public static ResolvedPipeline? Resolve(Pipeline pipeline, TeamPlatform platform, DiagnosticBag diagnostics)
    {
        var policy = platform.Policy;
        var tier = pipeline.Tier is null ? PipelineSettings.None : policy.Tiers.GetValueOrDefault(pipeline.Tier) ?? PipelineSettings.None;
        var settings = policy.Defaults.With(tier).With(pipeline.Overrides);
        var owner = pipeline.Owner ?? (platform.Contacts.Count > 0 ? platform.Contacts[0] : "");
        var dagId = $"{platform.Team}__{pipeline.Name}";
        var notifiers = Notifiers(pipeline, policy, owner, $"Airflow DAG {dagId} failed");

        if (settings.Deadline is { } deadline)
        {
            var at = pipeline.Locations.Name;
            if (platform.AirflowVersion < AirflowVersion.V32)
            {
                diagnostics.Error(DiagnosticCodes.PipelineDeadlineUnsupported, at,
                    $"pipeline {Display.Quote(pipeline.Name)} has a {deadline} deadline, but deadline alerts need Airflow 3.2 (the platform runs {platform.AirflowVersion})",
                    "remove 'deadline' (and a tier with one) until the platform runs Airflow 3.2");
                return null;
            }

            if (notifiers.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.PipelineAlertNotConfigured, at,
                    $"pipeline {Display.Quote(pipeline.Name)} has a {deadline} deadline but no alert channel to call",
                    "add 'alerts:' with email or slack, or ask the platform team to configure pipelines.alerts");
                return null;
            }
        }

        var tags = new List<string> { $"team:{platform.Team}" };
        foreach (var tag in policy.Tags.Concat(pipeline.Tags))
        {
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        var deadlineNotifiers = settings.Deadline is { } d ? Notifiers(pipeline, policy, owner, $"Airflow DAG {dagId} is not done {d} after its run was queued") : [];
        return new ResolvedPipeline(pipeline, platform.Team, dagId, $"{DagFolder}/{pipeline.Name}.py", owner, tags, settings, notifiers, deadlineNotifiers);
    }

    private static List<Notifier> Notifiers(Pipeline pipeline, PipelinePolicy policy, string owner, string text)
    {
        var notifiers = new List<Notifier>();
        var email = pipeline.Alerts?.Email ?? (pipeline.Alerts is null && owner.Length > 0 ? [owner] : []);
        if (email.Count > 0 && policy.SmtpConnId is { } smtp)
        {
            notifiers.Add(new Notifier("SmtpNotifier", [new("to", PythonLiteral.List(email)), new("smtp_conn_id", PythonLiteral.Text(smtp))]));
        }

        if (pipeline.Alerts?.Slack is { } channel && policy.SlackWebhookConnId is { } webhook)
        {
            notifiers.Add(new Notifier("SlackWebhookNotifier",
            [
                new("slack_webhook_conn_id", PythonLiteral.Text(webhook)),
                new("text", PythonLiteral.Text($"{text} (alerts for {channel})")),
            ]));
        }

        return notifiers;
    }
}
