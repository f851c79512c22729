namespace Onboarding.Cli.Output;

/// <summary>The "diagnostics" array every --json report carries, in one shape.</summary>
internal static class DiagnosticsJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics) =>
        w.WriteObjects("diagnostics", diagnostics, static (w, d) =>
        {
            w.WriteString("severity", d.SeverityText);
            w.WriteString("code", d.Code);
            w.WriteString("file", d.Location.File);
            w.WriteNumber("line", d.Location.Line);
            w.WriteNumber("column", d.Location.Column);
            if (d.KeyPath is not null)
            {
                w.WriteString("key_path", d.KeyPath);
            }

            w.WriteString("message", d.Message);
            w.WriteString("hint", d.Hint);
        });

    /// <summary>The "files" array of a report: each generated file's path and what happened to it.</summary>
    public static void WriteChanges(Utf8JsonWriter w, IEnumerable<Core.Compilation.ArtifactChange> changes) =>
        w.WriteObjects("files", changes, static (w, change) =>
        {
            w.WriteString("path", change.Path);
            w.WriteString("status", change.Status.ToString().ToLowerInvariant());
        });
}
