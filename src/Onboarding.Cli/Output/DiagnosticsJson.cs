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
            w.WriteString("message", d.Message);
            w.WriteString("hint", d.Hint);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
