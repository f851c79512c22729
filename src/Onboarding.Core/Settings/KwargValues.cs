namespace Onboarding.Core.Settings;

/// <summary>Compares and shows kwarg values (text, whole numbers, booleans, lists of text) as JSON would.</summary>
public static class KwargValues
{
    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (IReadOnlyList<string> x, IReadOnlyList<string> y) => x.SequenceEqual(y, StringComparer.Ordinal),
        (null, _) or (_, null) => false,
        _ => a.Equals(b),
    };

    public static string Show(object? value) => value switch
    {
        null => "nothing",
        string s => Display.Quote(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => "[" + string.Join(", ", list.Select(item => Display.Quote(item))) + "]",
        _ => value.ToString() ?? "",
    };
}
