namespace Onboarding.Cli.Output;

/// <summary>The job summary of a check or compile: per environment what changes, then every problem.</summary>
internal static class CompileReportMarkdown
{
    public static string Render(string title, CompileResult result)
    {
        var md = new StringBuilder();
        var verdict = result.HasErrors ? "❌" : "✅";
        md.Append(CultureInfo.InvariantCulture, $"## {verdict} onboard {title}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{result.Teams} teams, {result.BundleNames} bundles, {result.Environments.Count} environments.\n\n");

        if (result.Environments.Count > 0)
        {
            md.Append("| Environment | Bundles | Added | Removed | Changed |\n|---|---:|---:|---:|---:|\n");
            foreach (var e in result.Environments)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {UntrustedMarkdown.Code(e.Name)} | {e.Bundles} | {e.Diff.Added.Count} | {e.Diff.Removed.Count} | {e.Diff.Changed.Count} |\n");
            }

            md.Append('\n');
            foreach (var e in result.Environments.Where(e => !e.Diff.IsEmpty))
            {
                md.Append(CultureInfo.InvariantCulture, $"<details><summary>{e.Name}: {CompileReportText.DiffSummary(e.Diff)}</summary>\n\n");
                foreach (var name in e.Diff.Added)
                {
                    md.Append("- added ").Append(UntrustedMarkdown.Code(name)).Append('\n');
                }

                foreach (var name in e.Diff.Removed)
                {
                    md.Append("- removed ").Append(UntrustedMarkdown.Code(name)).Append('\n');
                }

                foreach (var bundle in e.Diff.Changed)
                {
                    md.Append("- changed ").Append(UntrustedMarkdown.Code(bundle.Name)).Append(": ")
                        .AppendJoin(", ", bundle.Fields.Select(f => $"{UntrustedMarkdown.Code(f.Field)} {UntrustedMarkdown.Code(f.Before ?? "(unset)")} → {UntrustedMarkdown.Code(f.After ?? "(unset)")}"))
                        .Append('\n');
                }

                md.Append("\n</details>\n\n");
            }
        }

        var problems = result.Diagnostics;
        if (problems.Count > 0)
        {
            md.Append("### Problems\n\n");
            foreach (var d in problems)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{d.SeverityText} {d.Code}** {UntrustedMarkdown.Code(d.Location.ToString())}: {UntrustedMarkdown.Code(d.Text)}\n");
            }

            md.Append('\n');
        }

        if (result.Mode == CompileMode.Check && result.Changed)
        {
            md.Append("Fix: run `dotnet run --project src/Onboarding.Cli -- compile` (or `onboard compile`) and commit the `generated/` folder.\n\n");
        }

        return md.ToString();
    }
}
