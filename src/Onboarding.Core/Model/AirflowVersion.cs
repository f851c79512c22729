namespace Onboarding.Core.Model;

/// <summary>An Airflow minor version ("3.2"); it decides which keys the compiled list may hold.</summary>
public readonly record struct AirflowVersion(int Major, int Minor) : IComparable<AirflowVersion>
{
    public static AirflowVersion V30 { get; } = new(3, 0);

    public static AirflowVersion V31 { get; } = new(3, 1);

    public static AirflowVersion V32 { get; } = new(3, 2);

    public static bool TryParse(string text, out AirflowVersion version)
    {
        version = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == text.Length - 1 || text.AsSpan(dot + 1).Contains('.'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new AirflowVersion(major, minor);
        return true;
    }

    public int CompareTo(AirflowVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(AirflowVersion left, AirflowVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(AirflowVersion left, AirflowVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(AirflowVersion left, AirflowVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(AirflowVersion left, AirflowVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Major}.{Minor}";
}
