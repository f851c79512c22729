using System.Text.Json;

namespace Onboarding.Core.Compilation;

/// <summary>
/// Writes a bundle list the way Airflow's <c>json.loads</c> reads it: UTF-8 without BOM, keys in
/// ordinal order, real JSON types. Indented: 2 spaces and LF with one trailing newline (the
/// committed file); minified: one line (the environment variable).
/// </summary>
internal static class BundleListJson
{
    public static byte[] Render(IReadOnlyList<CompiledBundle> bundles, bool indented)
    {
        using var buffer = RenderPooled(bundles, indented);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The list in a pooled buffer the caller disposes.</summary>
    public static PooledBufferWriter RenderPooled(IReadOnlyList<CompiledBundle> bundles, bool indented)
    {
        var buffer = new PooledBufferWriter((bundles.Count * (indented ? 360 : 260)) + 16);
        using (var writer = new Utf8JsonWriter(buffer, indented ? JsonOutput.Indented : JsonOutput.Minified))
        {
            writer.WriteStartArray();
            foreach (var bundle in bundles)
            {
                writer.WriteStartObject();
                writer.WriteString("classpath", bundle.Classpath);
                writer.WriteStartObject("kwargs");
                foreach (var (key, value) in bundle.Kwargs)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, value);
                }

                writer.WriteEndObject();
                writer.WriteString("name", bundle.Name);
                if (bundle.TeamName is not null)
                {
                    writer.WriteString("team_name", bundle.TeamName);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (indented)
        {
            buffer.Write("\n"u8);
        }

        return buffer;
    }

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case IReadOnlyList<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"kwarg value of type {value.GetType().Name} cannot be written", nameof(value));
        }
    }
}
