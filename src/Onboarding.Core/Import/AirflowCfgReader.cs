namespace Onboarding.Core.Import;

/// <summary>
/// Finds <c>[dag_processor] dag_bundle_config_list</c> in an airflow.cfg the way Python's
/// configparser (which Airflow uses) reads it: <c>=</c> or <c>:</c> after the key, keys compared
/// in lower case, a value continued on lines indented deeper than its key, whole-line <c>#</c> and
/// <c>;</c> comments skipped even inside a value, trailing blank lines dropped. Airflow then
/// applies <c>%</c> interpolation and expands <c>$VARIABLES</c>; the reader undoes <c>%%</c> and
/// refuses what it cannot reproduce.
/// </summary>
public static partial class AirflowCfgReader
{
    public const string Section = "dag_processor";
    public const string Key = "dag_bundle_config_list";

    public static BundleListText? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        string? section = null;
        var sectionsSeen = new HashSet<string>(StringComparer.Ordinal);
        var optionsSeen = new HashSet<string>(StringComparer.Ordinal);
        var inOption = false;
        var capturing = false;
        var indentLevel = int.MaxValue;
        List<(string Text, SourceLocation At)>? value = null;
        SourceLocation keyAt = default;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var stripped = line.Trim();
            if (stripped.StartsWith('#') || stripped.StartsWith(';'))
            {
                continue;
            }

            if (stripped.Length == 0)
            {
                if (capturing)
                {
                    value!.Add(("", new SourceLocation(file, i + 1, 1)));
                }

                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (inOption && indent > indentLevel)
            {
                if (capturing)
                {
                    value!.Add((stripped, new SourceLocation(file, i + 1, indent + 1)));
                }

                continue;
            }

            indentLevel = indent;
            capturing = false;
            var header = SectionHeader().Match(stripped);
            if (header.Success)
            {
                section = header.Groups["header"].Value;
                inOption = false;
                optionsSeen.Clear();
                if (!sectionsSeen.Add(section) && section == Section)
                {
                    diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, i + 1, indent + 1),
                        $"section [{Section}] appears twice; Airflow's config parser refuses the file",
                        "merge the two sections into one");
                    return null;
                }

                continue;
            }

            if (section != Section)
            {
                // Only [dag_processor] matters here; other sections are Airflow's to check.
                inOption = section is not null;
                continue;
            }

            var option = Option().Match(stripped);
            if (!option.Success || option.Groups["option"].Value.TrimEnd().Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, i + 1, indent + 1),
                    $"line in [{Section}] is neither 'key = value' nor an indented continuation; Airflow's config parser refuses the file",
                    "indent continuation lines of a multi-line value deeper than its key");
                return null;
            }

            var name = option.Groups["option"].Value.TrimEnd().ToLowerInvariant();
            inOption = true;
            if (!optionsSeen.Add(name) && name == Key)
            {
                diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, i + 1, indent + 1),
                    $"'{Key}' is set twice in [{Section}] (first at line {keyAt.Line}); Airflow's config parser refuses the file",
                    "keep one of them");
                return null;
            }

            if (name == Key)
            {
                capturing = true;
                keyAt = new SourceLocation(file, i + 1, indent + 1);
                var valueGroup = option.Groups["value"];
                value = [(valueGroup.Value.Trim(), new SourceLocation(file, i + 1, indent + valueGroup.Index + 1))];
            }
        }

        if (value is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportListNotFound, SourceLocation.StartOf(file),
                sectionsSeen.Contains(Section) ? $"[{Section}] has no '{Key}'" : $"the file has no [{Section}] section",
                $"point --from at the airflow.cfg that sets [{Section}] {Key}, or use --format env/json for other files");
            return null;
        }

        while (value.Count > 1 && value[^1].Text.Length == 0)
        {
            value.RemoveAt(value.Count - 1);
        }

        var json = new StringBuilder();
        for (var i = 0; i < value.Count; i++)
        {
            var unescaped = Uninterpolate(value[i].Text, value[i].At, diagnostics);
            if (unescaped is null)
            {
                return null;
            }

            json.Append(i == 0 ? "" : "\n").Append(unescaped);
        }

        return new BundleListText(json.ToString(), file, [.. value.Select(v => v.At)]);
    }

    /// <summary>Airflow reads cfg values through configparser's '%' interpolation and then expands environment variables.</summary>
    private static string? Uninterpolate(string text, SourceLocation at, DiagnosticBag diagnostics)
    {
        var dollar = text.IndexOf('$', StringComparison.Ordinal);
        if (dollar >= 0)
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, at with { Column = at.Column + dollar },
                "the value contains '$', which Airflow expands as an environment variable in airflow.cfg, so the list Airflow sees is not the one written here",
                "remove the '$' (no bundle setting onboard accepts needs it)");
            return null;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                result.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == '%')
            {
                result.Append('%');
                i++;
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, at with { Column = at.Column + i },
                    "the value contains a '%' that Airflow's config parser reads as interpolation",
                    "write a literal percent sign as '%%'");
                return null;
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^\[(?<header>.+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(?<option>.*?)\s*(?<vi>[=:])\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Option();
}
