namespace Onboarding.Core.Pipelines.Model;

/// <summary>A duration as written (<c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>); it becomes a Python <c>timedelta</c> in the same unit.</summary>
public sealed record Duration(int Amount, char Unit)
{
    public static bool TryParse(string text, out Duration? duration)
    {
        duration = null;
        if (text.Length is < 2 or > 7 || text[0] is < '1' or > '9' || text[^1] is not ('s' or 'm' or 'h' or 'd'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        duration = new Duration(amount, text[^1]);
        return true;
    }

    public string PythonKeyword => Unit switch
    {
        's' => "seconds",
        'm' => "minutes",
        'h' => "hours",
        _ => "days",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount}{Unit}");
}
