using System.Text.Json;
using Onboarding.Core.Diagnostics;

namespace Onboarding.Cli.Output;

/// <summary>The "diagnostics" array every --json report carries, in one shape.</summary>
internal static class DiagnosticsJson
{
    public static void Write(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
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
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The "files" array of a report: each generated file's path and what happened to it.</summary>
    public static void WriteChanges(Utf8JsonWriter w, IEnumerable<Core.Compilation.ArtifactChange> changes)
    {
        w.WriteStartArray("files");
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WriteString("path", change.Path);
            w.WriteString("status", change.Status.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
