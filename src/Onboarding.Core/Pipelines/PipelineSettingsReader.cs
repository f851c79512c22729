namespace Onboarding.Core.Pipelines;

/// <summary>Reads the cascading pipeline settings (retries, durations, start_date, deadline) wherever they appear.</summary>
public static class PipelineSettingsReader
{
    public static PipelineSettings Read(MappingReader reader)
    {
        var retries = reader.WholeNumber("retries", 0, 100);
        return new PipelineSettings(
            retries?.Value,
            Duration(reader, "retry_delay"),
            Duration(reader, "execution_timeout"),
            Date(reader, "start_date"),
            Duration(reader, "deadline"));
    }

    public static Duration? Duration(MappingReader reader, string key)
    {
        var text = reader.Text(key, maxLength: 16);
        if (text is not { } t)
        {
            return null;
        }

        if (Model.Duration.TryParse(t.Value, out var duration) && DaysOf(duration!) <= 366)
        {
            return duration;
        }

        reader.Error(DiagnosticCodes.PipelineInvalidDuration, t.At,
            $"'{reader.KeyPath(key)}' value {Display.Quote(t.Value)} is not a duration",
            $"{PipelineShapes.DurationRule} (at most 366 days)");
        return null;
    }

    private static DateOnly? Date(MappingReader reader, string key)
    {
        var text = reader.Text(key, maxLength: 16);
        if (text is not { } t)
        {
            return null;
        }

        if (t.Value.Length == 10 && DateOnly.TryParseExact(t.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1970)
        {
            return date;
        }

        reader.Error(DiagnosticCodes.PipelineInvalidDate, t.At,
            $"'{reader.KeyPath(key)}' value {Display.Quote(t.Value)} is not a date", "write it as YYYY-MM-DD, e.g. 2026-01-01 (UTC)");
        return null;
    }

    private static double DaysOf(Duration d) => d.Unit switch
    {
        's' => d.Amount / 86400.0,
        'm' => d.Amount / 1440.0,
        'h' => d.Amount / 24.0,
        _ => d.Amount,
    };
}
