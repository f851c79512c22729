namespace Onboarding.Core.Pipelines;

/// <summary>Checks a 5-field cron expression and the presets Airflow knows, so that a typo fails here and not in the scheduler.</summary>
public static class CronExpression
{
    public static readonly IReadOnlyList<string> Presets = ["@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly"];

    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Null when valid; else what is wrong, naming the field.</summary>
    public static string? Problem(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5 || expression.Any(c => c is not (' ' or (>= '!' and <= '~'))))
        {
            return $"has {parts.Length} fields; a cron expression has 5 (minute hour day-of-month month day-of-week), separated by spaces";
        }

        for (var i = 0; i < 5; i++)
        {
            var (name, min, max, names) = Fields[i];
            foreach (var item in parts[i].Split(','))
            {
                if (!ItemIsValid(item, min, max, names))
                {
                    return $"field {i + 1} ({name}) '{parts[i]}' is not valid: use *, a number from {min} to {max}{(names is null ? "" : " or a name")}, a range a-b, a list a,b or a step */n";
                }
            }
        }

        return null;
    }

    private static bool ItemIsValid(string item, int min, int max, string[]? names)
    {
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0 && (!TryNumber(item[(slash + 1)..], out var step) || step < 1 || step > max))
        {
            return false;
        }

        if (range == "*")
        {
            return true;
        }

        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return TryValue(range, min, max, names, out _);
        }

        return TryValue(range[..dash], min, max, names, out var low) && TryValue(range[(dash + 1)..], min, max, names, out var high) && low <= high;
    }

    private static bool TryValue(string text, int min, int max, string[]? names, out int value)
    {
        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                value = index + min;
                return true;
            }
        }

        return TryNumber(text, out value) && value >= min && value <= max;
    }

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 4;
}
