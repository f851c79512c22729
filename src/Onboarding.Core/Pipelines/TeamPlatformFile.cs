namespace Onboarding.Core.Pipelines;

/// <summary>
/// Writes a team repository's <c>.onboard/platform.yaml</c> from the platform's settings. Built from
/// the model, every text value double-quoted and escaped, so no value can add a key or a document.
/// </summary>
public static class TeamPlatformFile
{
    public static string Render(string team, IReadOnlyList<string> contacts, AirflowVersion airflowVersion, PipelinePolicy? policy)
    {
        policy ??= PipelinePolicy.Empty;
        var yaml = new StringBuilder();
        yaml.Append("# Written by the platform from its onboarding.yaml (pipelines:); do not edit, it is overwritten.\n");
        yaml.Append("schema_version: 1\n");
        yaml.Append("team: ").Append(Quote(team)).Append('\n');
        yaml.Append("contacts: ").Append(List(contacts)).Append('\n');
        yaml.Append("airflow_version: ").Append(Quote(airflowVersion.ToString())).Append('\n');
        yaml.Append("pipelines:\n");
        Settings(yaml, "  defaults:", policy.Defaults, 4);
        if (policy.Tiers.Count == 0)
        {
            yaml.Append("  tiers: {}\n");
        }
        else
        {
            yaml.Append("  tiers:\n");
            foreach (var (name, settings) in policy.Tiers.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                Settings(yaml, $"    {Quote(name)}:", settings, 6);
            }
        }

        yaml.Append("  locked: ").Append(List(policy.Locked)).Append('\n');
        yaml.Append("  connections: ").Append(List(policy.Connections)).Append('\n');
        if (policy.SmtpConnId is null && policy.SlackWebhookConnId is null)
        {
            yaml.Append("  alerts: {}\n");
        }
        else
        {
            yaml.Append("  alerts:\n");
            if (policy.SmtpConnId is { } smtp)
            {
                yaml.Append("    smtp_conn_id: ").Append(Quote(smtp)).Append('\n');
            }

            if (policy.SlackWebhookConnId is { } slack)
            {
                yaml.Append("    slack_webhook_conn_id: ").Append(Quote(slack)).Append('\n');
            }
        }

        yaml.Append("  tags: ").Append(List(policy.Tags)).Append('\n');
        return yaml.ToString();
    }

    private static void Settings(StringBuilder yaml, string key, PipelineSettings settings, int indent)
    {
        var lines = new List<string>();
        if (settings.Retries is { } retries)
        {
            lines.Add($"retries: {retries.ToString(CultureInfo.InvariantCulture)}");
        }

        if (settings.RetryDelay is { } delay)
        {
            lines.Add($"retry_delay: {Quote(delay.ToString())}");
        }

        if (settings.ExecutionTimeout is { } timeout)
        {
            lines.Add($"execution_timeout: {Quote(timeout.ToString())}");
        }

        if (settings.StartDate is { } start)
        {
            lines.Add($"start_date: {Quote(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}");
        }

        if (settings.Deadline is { } deadline)
        {
            lines.Add($"deadline: {Quote(deadline.ToString())}");
        }

        yaml.Append(key).Append(lines.Count == 0 ? " {}\n" : "\n");
        foreach (var line in lines)
        {
            yaml.Append(' ', indent).Append(line).Append('\n');
        }
    }

    /// <summary>A JSON string is a valid YAML double-quoted scalar; the default encoder escapes everything outside ASCII.</summary>
    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value).Value + "\"";

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}
