using System.Text.Json;
using Onboarding.Core.Diagnostics;

namespace Onboarding.Cli.Output;

/// <summary>The --json form of the GitHub commands (issue --event, backfill): status, message, changes, calls, diagnostics.</summary>
internal static class OutcomeJson
{
    public static string Render(string command, bool ok, bool dryRun, string status, string message, IEnumerable<string> changes, IEnumerable<string> calls, IEnumerable<Diagnostic> diagnostics) =>
        JsonReport.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("command", command);
            w.WriteBoolean("ok", ok);
            w.WriteBoolean("dry_run", dryRun);
            w.WriteString("status", status);
            w.WriteString("message", message);
            WriteStrings(w, "changes", changes);
            WriteStrings(w, "calls", calls);
            DiagnosticsJson.Write(w, diagnostics);
            w.WriteEndObject();
        });

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
