using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Onboarding.Core.Diagnostics;

namespace Onboarding.Cli.Output;

/// <summary>The --json form of commands that write source files (import, init): files and diagnostics, stable keys.</summary>
internal static class FileReportJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(string command, bool ok, bool dryRun, IEnumerable<(string Path, string Status)> files, IEnumerable<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("command", command);
            w.WriteBoolean("ok", ok);
            w.WriteBoolean("dry_run", dryRun);
            w.WriteStartArray("files");
            foreach (var (path, status) in files)
            {
                w.WriteStartObject();
                w.WriteString("path", path);
                w.WriteString("status", status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DiagnosticsJson.Write(w, diagnostics);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
