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
            w.WriteObjects("environments", result.Environments, static (w, e) =>
            {
                w.WriteString("name", e.Name);
                w.WriteNumber("bundles", e.Bundles);
                w.WriteStrings("added", e.Diff.Added);
                w.WriteStrings("removed", e.Diff.Removed);
                w.WriteObjects("changed", e.Diff.Changed, static (w, bundle) =>
                {
                    w.WriteString("name", bundle.Name);
                    w.WriteObjects("fields", bundle.Fields, static (w, field) =>
                    {
                        w.WriteString("field", field.Field);
                        WriteValue(w, "before", field.Before);
                        WriteValue(w, "after", field.After);
                    });
                });
            });
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
}
