namespace Onboarding.Core.Import;

/// <summary>Reads the file given to <c>import --from</c> and extracts the bundle list's JSON text.</summary>
public static partial class ImportSourceReader
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static BundleListText? Read(string path, string display, ImportFormat? format, DiagnosticBag diagnostics)
    {
        byte[]? bytes;
        try
        {
            bytes = Sources.InputFileReader.Read(path, MaxBytes);
        }
        catch (Sources.UnusableFileException ex)
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceUnreadable, SourceLocation.StartOf(display), $"file {ex.Problem}", ex.Hint);
            return null;
        }

        if (bytes is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceUnreadable, SourceLocation.StartOf(display), "file not found", "check the path given to --from");
            return null;
        }

        if (bytes.Length > MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceUnreadable, SourceLocation.StartOf(display),
                $"file is more than the {MaxBytes:N0} bytes an Airflow configuration plausibly needs",
                "point --from at the airflow.cfg, env file or JSON list itself");
            return null;
        }

        var text = Utf8Text.Decode(bytes, display, DiagnosticCodes.ImportSourceUnreadable, diagnostics);
        if (text is null)
        {
            return null;
        }

        format ??= Detect(path, text);
        if (format is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportSourceUnreadable, SourceLocation.StartOf(display),
                "cannot tell whether this is an airflow.cfg, an env file or a JSON list",
                "pass --format cfg, --format env or --format json");
            return null;
        }

        return format switch
        {
            ImportFormat.Cfg => AirflowCfgReader.Read(text, display, diagnostics),
            ImportFormat.Env => EnvFileReader.Read(text, display, diagnostics),
            _ => FromJsonFile(text, display),
        };
    }

    /// <summary>The extension decides; without a telling one, the content does.</summary>
    public static ImportFormat? Detect(string path, string text)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        var extension = Path.GetExtension(name);
        if (extension is ".cfg" or ".ini")
        {
            return ImportFormat.Cfg;
        }

        if (extension == ".json")
        {
            return ImportFormat.Json;
        }

        if (extension is ".env" or ".sh" || name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal))
        {
            return ImportFormat.Env;
        }

        if (EnvAssignment().IsMatch(text))
        {
            return ImportFormat.Env;
        }

        if (CfgSection().IsMatch(text))
        {
            return ImportFormat.Cfg;
        }

        return text.TrimStart().StartsWith('[') ? ImportFormat.Json : null;
    }

    private static BundleListText FromJsonFile(string text, string display)
    {
        var lineCount = text.Count(c => c == '\n') + 1;
        return new BundleListText(text, display, [.. Enumerable.Range(1, lineCount).Select(line => new SourceLocation(display, line, 1))]);
    }

    [GeneratedRegex(@"^\s*(?:export\s+)?AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST\s*=", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"^\s*\[dag_processor\]", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CfgSection();
}
