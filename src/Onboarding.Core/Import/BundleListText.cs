namespace Onboarding.Core.Import;

/// <summary>
/// The JSON text of a bundle list as Airflow would receive it, with where each of its lines starts
/// in the source file, so that a problem inside the JSON is reported at its line in airflow.cfg.
/// </summary>
public sealed record BundleListText(string Json, string File, IReadOnlyList<SourceLocation> LineStarts)
{
    /// <summary>The source position of a 0-based line and column of <see cref="Json"/>.</summary>
    public SourceLocation At(int line, int column)
    {
        if (LineStarts.Count == 0)
        {
            return SourceLocation.StartOf(File);
        }

        var start = LineStarts[Math.Min(line, LineStarts.Count - 1)];
        return start with { Column = start.Column + column };
    }
}
