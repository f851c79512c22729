namespace Onboarding.Core.Import;

/// <summary>
/// Finds <c>AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST=…</c> in an env file or a shell script:
/// an optional <c>export </c>, then the value unquoted (the rest of the line, as docker's
/// <c>--env-file</c> reads it), in single quotes (literal) or in double quotes (shell escapes
/// <c>\"</c>, <c>\\</c>, <c>\$</c>, <c>\`</c> undone). A quoted value may span lines.
/// </summary>
public static partial class EnvFileReader
{
    public const string Variable = "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST";

    public static BundleListText? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        BundleListText? found = null;
        var foundLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Assignment().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            if (found is not null)
            {
                diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, i + 1, 1),
                    $"{Variable} is set twice (first at line {foundLine}); which one Airflow gets depends on how the file is loaded",
                    "keep one of them");
                return null;
            }

            foundLine = i + 1;
            var start = match.Groups["value"].Index;
            found = ReadValue(lines, i, start, file, diagnostics, out var lastLine);
            if (found is null)
            {
                return null;
            }

            i = lastLine;
        }

        if (found is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportListNotFound, SourceLocation.StartOf(file),
                $"the file does not set {Variable}",
                $"point --from at the env file that sets it, or use --format cfg/json for other files");
        }

        return found;
    }

    private static BundleListText? ReadValue(string[] lines, int lineIndex, int start, string file, DiagnosticBag diagnostics, out int lastLine)
    {
        lastLine = lineIndex;
        var line = lines[lineIndex];
        var at = new SourceLocation(file, lineIndex + 1, start + 1);
        if (start >= line.Length || line[start] is not ('\'' or '"'))
        {
            var raw = line[start..].TrimEnd();
            return new BundleListText(raw, file, [at]);
        }

        var quote = line[start];
        var value = new StringBuilder();
        var lineStarts = new List<SourceLocation> { at with { Column = at.Column + 1 } };
        var (l, c) = (lineIndex, start + 1);
        while (true)
        {
            if (c >= lines[l].Length)
            {
                if (l + 1 >= lines.Length)
                {
                    diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, at,
                        $"the {(quote == '"' ? "double" : "single")}-quoted value of {Variable} is never closed", $"end the value with {quote}");
                    return null;
                }

                value.Append('\n');
                (l, c) = (l + 1, 0);
                lineStarts.Add(new SourceLocation(file, l + 1, 1));
                continue;
            }

            var ch = lines[l][c];
            if (ch == quote)
            {
                break;
            }

            if (quote == '"' && ch == '\\' && c + 1 < lines[l].Length && lines[l][c + 1] is '"' or '\\' or '$' or '`')
            {
                value.Append(lines[l][c + 1]);
                c += 2;
                continue;
            }

            if (quote == '"' && ch is '$' or '`')
            {
                diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, l + 1, c + 1),
                    $"the double-quoted value contains an unescaped '{ch}', which the shell would expand",
                    "use single quotes around the JSON, or escape it with a backslash");
                return null;
            }

            value.Append(ch);
            c++;
        }

        var rest = lines[l][(c + 1)..].Trim();
        if (rest.Length > 0 && !rest.StartsWith('#'))
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceSyntax, new SourceLocation(file, l + 1, c + 2),
                $"text follows the closing quote of {Variable}", "put the whole value inside one pair of quotes");
            return null;
        }

        lastLine = l;
        return new BundleListText(value.ToString(), file, lineStarts);
    }

    [GeneratedRegex(@"^\s*(?:export\s+)?AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST\s*=\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();
}
