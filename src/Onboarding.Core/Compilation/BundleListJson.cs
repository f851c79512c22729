using System.Text.Json;

namespace Onboarding.Core.Compilation;

/// <summary>
/// Writes a bundle list the way Airflow's <c>json.loads</c> reads it: UTF-8 without BOM, keys in
/// ordinal order, real JSON types. Indented: 2 spaces and LF with one trailing newline (the
/// committed file); minified: one line (the environment variable).
/// </summary>
public static class BundleListJson
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
                WriteKwargs(writer, bundle.Kwargs);
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

    /// <summary>The kwargs in ordinal key order, which is the order Python's sort_keys gives.</summary>
    private static void WriteKwargs(Utf8JsonWriter writer, GitBundleKwargs kwargs)
    {
        foreach (var (name, value) in kwargs.InKwargOrder())
        {
            switch (value)
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case IReadOnlyList<string> items:
                    writer.WriteStartArray(name);
                    foreach (var item in items)
                    {
                        writer.WriteStringValue(item);
                    }

                    writer.WriteEndArray();
                    break;
            }
        }
    }
}
