namespace Onboarding.Cli.Output;

/// <summary>The --json form of commands that write source files (import, init): files and diagnostics, stable keys.</summary>
internal static class FileReportJson
{
    public static string Render(string command, bool ok, bool dryRun, IEnumerable<(string Path, string Status)> files, IEnumerable<Diagnostic> diagnostics) =>
        JsonReport.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("command", command);
            w.WriteBoolean("ok", ok);
            w.WriteBoolean("dry_run", dryRun);
            w.WriteObjects("files", files, static (w, file) =>
            {
                w.WriteString("path", file.Path);
                w.WriteString("status", file.Status);
            });
            DiagnosticsJson.Write(w, diagnostics);
            w.WriteEndObject();
        });
}
