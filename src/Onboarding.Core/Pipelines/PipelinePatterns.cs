namespace Onboarding.Core.Pipelines;

/// <summary>
/// The ASCII allow-lists of every value that lands in a generated DAG file or names a file. They are
/// the published schema's patterns too, and they keep quotes, newlines and traversal out before the
/// Python writer's own escaping.
/// </summary>
public static partial class PipelinePatterns
{
    public const string PipelineName = "^[a-z][a-z0-9_]{2,62}$";
    public const string StepId = "^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$";
    public const string TierName = "^[a-z][a-z0-9_-]{0,30}$";
    public const string Duration = "^[1-9][0-9]{0,5}[smhd]$";
    public const string Date = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    public const string AssetUri = "^(?!airflow://)[a-z][a-z0-9+.-]*://[!-~]+$";
    public const string RepositoryPath = "^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$";
    public const string Tag = "^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$";
    public const string Column = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";
    public const string Table = "^[A-Za-z_][A-Za-z0-9_$]{0,127}(?:\\.[A-Za-z_][A-Za-z0-9_$]{0,127}){0,2}$";
    public const string Image = "^[a-z0-9][A-Za-z0-9._:/@-]{0,254}$";
    public const string Namespace = "^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$";
    public const string EnvironmentVariable = "^[A-Za-z_][A-Za-z0-9_]{0,127}$";
    public const string SlackChannel = "^#[a-z0-9][a-z0-9._-]{0,79}$";

    [GeneratedRegex(PipelineName, RegexOptions.CultureInvariant)]
    public static partial Regex PipelineNameRegex();

    [GeneratedRegex(StepId, RegexOptions.CultureInvariant)]
    public static partial Regex StepIdRegex();

    [GeneratedRegex(TierName, RegexOptions.CultureInvariant)]
    public static partial Regex TierNameRegex();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*://[!-~]+$", RegexOptions.CultureInvariant)]
    public static partial Regex AssetUriRegex();

    [GeneratedRegex(RepositoryPath, RegexOptions.CultureInvariant)]
    public static partial Regex RepositoryPathRegex();

    [GeneratedRegex(Tag, RegexOptions.CultureInvariant)]
    public static partial Regex TagRegex();

    [GeneratedRegex(Column, RegexOptions.CultureInvariant)]
    public static partial Regex ColumnRegex();

    [GeneratedRegex(Table, RegexOptions.CultureInvariant)]
    public static partial Regex TableRegex();

    [GeneratedRegex(Image, RegexOptions.CultureInvariant)]
    public static partial Regex ImageRegex();

    [GeneratedRegex(Namespace, RegexOptions.CultureInvariant)]
    public static partial Regex NamespaceRegex();

    [GeneratedRegex(EnvironmentVariable, RegexOptions.CultureInvariant)]
    public static partial Regex EnvironmentVariableRegex();

    [GeneratedRegex(SlackChannel, RegexOptions.CultureInvariant)]
    public static partial Regex SlackChannelRegex();
}
