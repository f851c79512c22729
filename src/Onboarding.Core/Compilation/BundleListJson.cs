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
    public static PooledBufferWriter RenderPooled(IReadOnlyList<CompiledBundle> bundles, bool indented) =>
        RenderPooled(bundles, indented ? JsonOutput.Indented : JsonOutput.Minified);

    /// <summary>The list written with <paramref name="options"/> (indented ones end with a newline), in a pooled buffer the caller disposes.</summary>
    public static PooledBufferWriter RenderPooled(IReadOnlyList<CompiledBundle> bundles, JsonWriterOptions options)
    {
        var buffer = new PooledBufferWriter((bundles.Count * (options.Indented ? 360 : 260)) + 16);
        Write(buffer, bundles, options);
        return buffer;
    }

    /// <summary>The size in bytes of the list as <see cref="RenderPooled(IReadOnlyList{CompiledBundle}, JsonWriterOptions)"/> writes it.</summary>
    public static long Measure(IReadOnlyList<CompiledBundle> bundles, JsonWriterOptions options)
    {
        var counter = new ByteCounter();
        Write(counter, bundles, options);
        return counter.Count;
    }

    // Names written once per bundle: encoded once, not escaped and transcoded on every write.
    private static readonly JsonEncodedText ClasspathName = JsonEncodedText.Encode("classpath");
    private static readonly JsonEncodedText KwargsName = JsonEncodedText.Encode("kwargs");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText TeamNameName = JsonEncodedText.Encode("team_name");

    private static readonly (JsonEncodedText Name, BundleSetting? Setting)[] KwargNames =
        [.. GitBundleKwargs.KwargOrder.Select(k => (JsonEncodedText.Encode(k.Kwarg), k.Setting))];

    private static void Write(IBufferWriter<byte> buffer, IReadOnlyList<CompiledBundle> bundles, JsonWriterOptions options)
    {
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartArray();
            string? classpath = null;
            var encodedClasspath = default(JsonEncodedText);
            for (var i = 0; i < bundles.Count; i++)
            {
                var bundle = bundles[i];

                // Every bundle of a platform has the same classpath: it is escaped once per list.
                if (!ReferenceEquals(bundle.Classpath, classpath))
                {
                    (classpath, encodedClasspath) = (bundle.Classpath, JsonEncodedText.Encode(bundle.Classpath));
                }

                writer.WriteStartObject();
                writer.WriteString(ClasspathName, encodedClasspath);
                writer.WriteStartObject(KwargsName);
                WriteKwargs(writer, bundle.Kwargs);
                writer.WriteEndObject();
                writer.WriteString(NameName, bundle.Name);
                if (bundle.TeamName is not null)
                {
                    writer.WriteString(TeamNameName, bundle.TeamName);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (options.Indented)
        {
            buffer.Write("\n"u8);
        }
    }

    /// <summary>The kwargs in ordinal key order, which is the order Python's sort_keys gives.</summary>
    private static void WriteKwargs(Utf8JsonWriter writer, GitBundleKwargs kwargs)
    {
        foreach (var (name, setting) in KwargNames)
        {
            switch (setting is null ? kwargs.RepoUrl : kwargs.Settings[setting])
            {
                case null:
                    break;
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
