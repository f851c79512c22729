namespace Onboarding.Cli.Output;

/// <summary>The human-readable account of a validate / compile / check run.</summary>
internal static class CompileReportText
{
    private const int MaxLinesPerEnvironment = 25;

    public static string Render(CompileResult result)
    {
        var text = new StringBuilder();
        var environments = result.Environments;
        text.Append(CultureInfo.InvariantCulture,
            $"{result.Teams} teams, {result.BundleNames} bundles, {environments.Count} environments\n");
        var width = environments.Count == 0 ? 0 : environments.Max(e => e.Name.Length);
        foreach (var environment in environments)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {environment.Name.PadRight(width)}  {environment.Bundles,5} bundles");
            if (result.Mode != CompileMode.Validate)
            {
                text.Append("  ").Append(DiffSummary(environment.Diff));
            }

            text.Append('\n');
            var lines = DiffLines(environment.Diff).ToArray();
            foreach (var line in lines.Take(MaxLinesPerEnvironment))
            {
                text.Append("      ").Append(line).Append('\n');
            }

            if (lines.Length > MaxLinesPerEnvironment)
            {
                text.Append(CultureInfo.InvariantCulture, $"      ... and {lines.Length - MaxLinesPerEnvironment} more (--json lists all)\n");
            }
        }

        if (result.Mode == CompileMode.Write)
        {
            text.Append(WriteSummary(result.Changes, "wrote", "deleted"));
        }
        else if (result.Mode == CompileMode.Check)
        {
            text.Append(result.Changed
                ? $"{Count(result.Changes, ArtifactStatus.Unchanged, negate: true)} generated files are out of date: run 'onboard compile' and commit the result\n"
                : "generated files are up to date\n");
        }

        return text.ToString().TrimEnd('\n');
    }

    public static string DiffSummary(EnvironmentDiff diff) => diff.IsEmpty
        ? "no bundle changes"
        : diff.Unreadable is not null
            ? "committed file unreadable"
            : $"+{diff.Added.Count} added, -{diff.Removed.Count} removed, ~{diff.Changed.Count} changed";

    public static IEnumerable<string> DiffLines(EnvironmentDiff diff)
    {
        foreach (var name in diff.Added)
        {
            yield return $"+ {name}";
        }

        foreach (var name in diff.Removed)
        {
            yield return $"- {name}";
        }

        foreach (var bundle in diff.Changed)
        {
            yield return $"~ {bundle.Name}: " + string.Join("; ", bundle.Fields.Select(f => $"{f.Field} {f.Before ?? "(unset)"} -> {f.After ?? "(unset)"}"));
        }

        if (diff.Unreadable is not null)
        {
            yield return $"! {diff.Unreadable}";
        }
    }

    private static string WriteSummary(IReadOnlyList<ArtifactChange> changes, string wrote, string deleted)
    {
        var created = Count(changes, ArtifactStatus.Created);
        var updated = Count(changes, ArtifactStatus.Updated);
        var removed = Count(changes, ArtifactStatus.Deleted);
        var unchanged = Count(changes, ArtifactStatus.Unchanged);
        var text = new StringBuilder();
        foreach (var change in changes.Where(c => c.Status != ArtifactStatus.Unchanged))
        {
            text.Append("  ").Append(change.Status.ToString().ToLowerInvariant()).Append(' ').Append(change.Path).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{wrote} {created + updated} files ({created} created, {updated} updated), {deleted} {removed}, {unchanged} unchanged\n");
        return text.ToString();
    }

    private static int Count(IReadOnlyList<ArtifactChange> changes, ArtifactStatus status, bool negate = false) =>
        changes.Count(c => (c.Status == status) != negate);

}
