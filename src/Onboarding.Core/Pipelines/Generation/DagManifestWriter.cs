namespace Onboarding.Core.Pipelines.Generation;

/// <summary>
/// <c>dags/manifest.json</c>: every generated DAG with its source, owner, schedule, tags, assets and
/// the SHA-256 of its file. It tells <c>pipelines check</c> a hand edit from a stale file, and tells
/// people and tools what the bundle holds without parsing Python.
/// </summary>
public static class DagManifestWriter
{
    public const string FileName = "dags/manifest.json";

    public static byte[] Write(string team, IEnumerable<(ResolvedPipeline Pipeline, byte[] Content, string SourceSha256)> dags)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, JsonOutput.Indented))
        {
            w.WriteStartObject();
            w.WriteNumber("schema_version", 1);
            w.WriteString("generator", "onboard pipelines compile");
            w.WriteString("team", team);
            w.WriteStartArray("dags");
            foreach (var (resolved, content, sourceSha) in dags.OrderBy(d => d.Pipeline.DagId, StringComparer.Ordinal))
            {
                var p = resolved.Pipeline;
                w.WriteStartObject();
                w.WriteString("dag_id", resolved.DagId);
                w.WriteString("file", resolved.DagFile);
                w.WriteString("source", p.Path);
                w.WriteString("source_sha256", sourceSha);
                w.WriteString("owner", resolved.Owner);
                w.WritePropertyName("schedule");
                switch (p.Schedule.Kind)
                {
                    case ScheduleKind.Manual:
                        w.WriteNullValue();
                        break;
                    case ScheduleKind.Assets:
                        w.WriteStartObject();
                        Strings(w, "assets", p.Schedule.Assets);
                        w.WriteEndObject();
                        break;
                    default:
                        w.WriteStringValue(p.Schedule.Expression);
                        break;
                }

                Strings(w, "tags", resolved.Tags);
                Strings(w, "produces", [.. p.ProducedAssets]);
                Strings(w, "consumes", resolved.Consumed);
                w.WriteString("sha256", Sha256.ToHex(content));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    /// <summary>file → SHA-256 as recorded in a manifest; empty when it cannot be read (a missing or broken manifest is simply stale).</summary>
    public static IReadOnlyDictionary<string, string> ReadHashes(byte[]? manifest)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (manifest is null)
        {
            return hashes;
        }

        try
        {
            using var doc = JsonDocument.Parse(manifest);
            if (doc.RootElement.TryGetProperty("dags", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var dag in list.EnumerateArray())
                {
                    if (dag.ValueKind == JsonValueKind.Object && dag.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String
                        && dag.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String)
                    {
                        hashes[file.GetString()!] = sha.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A hand-broken manifest is reported as stale by the byte comparison; nothing more to learn from it.
        }

        return hashes;
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
