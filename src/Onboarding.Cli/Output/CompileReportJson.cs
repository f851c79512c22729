using System.Buffers;
using System.Text;
using System.Text.Json;
using Onboarding.Core.Compilation;

namespace Onboarding.Cli.Output;

/// <summary>The --json form of a validate / compile / check run (stable keys for scripts).</summary>
internal static class CompileReportJson
{
    public static string Render(string command, CompileResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Core.JsonOutput.Indented))
        {
            w.WriteStartObject();
            w.WriteString("command", command);
            w.WriteBoolean("ok", !result.HasErrors && !(result.Mode == CompileMode.Check && result.Changed));
            w.WriteNumber("teams", result.Teams);
            w.WriteNumber("bundles", result.BundleNames);
            w.WriteStartArray("environments");
            foreach (var e in result.Environments)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteNumber("bundles", e.Bundles);
                WriteStrings(w, "added", e.Diff.Added);
                WriteStrings(w, "removed", e.Diff.Removed);
                w.WriteStartArray("changed");
                foreach (var bundle in e.Diff.Changed)
                {
                    w.WriteStartObject();
                    w.WriteString("name", bundle.Name);
                    w.WriteStartArray("fields");
                    foreach (var field in bundle.Fields)
                    {
                        w.WriteStartObject();
                        w.WriteString("field", field.Field);
                        WriteValue(w, "before", field.Before);
                        WriteValue(w, "after", field.After);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DiagnosticsJson.WriteChanges(w, result.Changes);
            DiagnosticsJson.Write(w, result.Diagnostics);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A field's value as the JSON value it is in the list (the diff keeps it as minified JSON text); null when unset.</summary>
    private static void WriteValue(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        if (json is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(json);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
