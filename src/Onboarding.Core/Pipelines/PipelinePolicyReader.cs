namespace Onboarding.Core.Pipelines;

/// <summary>Reads the platform's pipeline policy: in onboarding.yaml and in the copy a team repository receives.</summary>
public static class PipelinePolicyReader
{
    /// <summary>The <c>pipelines:</c> key of <paramref name="parent"/>, or null when absent.</summary>
    public static PipelinePolicy? Read(MappingReader parent)
    {
        var policy = parent.Mapping("pipelines", PipelineShapes.Policy.Keys);
        if (policy is null)
        {
            return null;
        }

        var defaults = policy.Mapping("defaults", PipelineShapes.Settings.Keys);
        var tiers = new SortedDictionary<string, PipelineSettings>(StringComparer.Ordinal);
        var tierEntry = policy.Entry("tiers");
        var tierMap = policy.Mapping("tiers", KeysOf(tierEntry));
        foreach (var tier in tierMap?.Node.Entries ?? [])
        {
            var name = new Located<string>(tier.Key.Value, tier.Key.Location);
            var settings = tierMap!.Mapping(tier.Key.Value, PipelineShapes.Tier.Keys);
            if (tierMap.Matches(name, PipelinePatterns.TierNameRegex(), $"pipelines.tiers.{tier.Key.Value}",
                    "name tiers with 1-31 lowercase ASCII letters, digits, '-' or '_', starting with a letter") && settings is not null)
            {
                tiers[tier.Key.Value] = PipelineSettingsReader.Read(settings);
            }
        }

        var locked = policy.StringList("locked", check: (value, path) =>
        {
            if (PipelineShapes.LockableKeys.Contains(value.Value))
            {
                return true;
            }

            policy.Error(DiagnosticCodes.NotAllowedValue, value.At,
                $"'{path}' value {Display.Quote(value.Value)} is not a settings key", $"use any of: {string.Join(", ", PipelineShapes.LockableKeys)}");
            return false;
        });
        var connections = policy.StringList("connections", check: (value, path) => policy.Matches(value, NameRules.ConnId(), path,
            "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'"));
        var alerts = policy.Mapping("alerts", PipelineShapes.PlatformAlerts.Keys);
        var smtp = alerts?.Name("smtp_conn_id", NameRules.ConnId(), "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'");
        var slack = alerts?.Name("slack_webhook_conn_id", NameRules.ConnId(), "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'");
        var tags = policy.StringList("tags", check: (value, path) => policy.Matches(value, PipelinePatterns.TagRegex(), path,
            "use 1-100 ASCII letters, digits, '_', '.', ':', '/' or '-', starting with a letter or digit"));

        return new PipelinePolicy(
            defaults is null ? PipelineSettings.None : PipelineSettingsReader.Read(defaults) with { Deadline = null },
            tiers,
            [.. (locked ?? []).Select(l => l.Value).Distinct(StringComparer.Ordinal)],
            [.. (connections ?? []).Select(c => c.Value).Distinct(StringComparer.Ordinal)],
            smtp?.Value,
            slack?.Value,
            [.. (tags ?? []).Select(t => t.Value).Distinct(StringComparer.Ordinal)]);
    }

    internal static string[] KeysOf(YamlEntry? entry) =>
        entry?.Value is YamlMapping m ? [.. m.Entries.Select(e => e.Key.Value)] : [];
}
