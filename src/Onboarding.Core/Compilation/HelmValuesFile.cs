namespace Onboarding.Core.Compilation;

/// <summary>
/// generated/&lt;env&gt;/helm-values.yaml: values for the official apache-airflow chart, passed after the deployment's
/// own values with <c>helm upgrade -f</c>. The chart renders <c>dagProcessor.dagBundleConfigList</c> into
/// <c>[dag_processor] dag_bundle_config_list</c> of its airflow.cfg ConfigMap, and the <c>checksum/airflow-config</c>
/// annotation of every Airflow pod then rolls them all: the restart Airflow needs to read a new list.
/// <para>
/// The chart's values schema admits per item only name, classpath and kwargs, and only scalar kwargs; its helper
/// drops team_name; and it writes the list into airflow.cfg unescaped, where configparser interpolates '%' and
/// Airflow expands '$'. A list the structured key cannot carry exactly is written to the chart's
/// <c>config.dag_processor.dag_bundle_config_list</c> string instead, which the chart's values.yaml calls deprecated
/// but every chart version still reads. Refusing instead would let one team's <c>sparse_dirs</c> take the Helm form
/// away from the whole platform; the file says which bundle made the choice.
/// </para>
/// </summary>
internal static class HelmValuesFile
{
    public static PooledBufferWriter Render(CompiledEnvironment environment, string outputDir)
    {
        var buffer = new PooledBufferWriter((environment.Bundles.Count * 320) + 4096);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# {ArtifactRenderer.GeneratedNotice}\n")
            .Append(CultureInfo.InvariantCulture, $"# Values for the official apache-airflow Helm chart: the DAG bundles of environment '{environment.Name}'.\n")
            .Append("# Pass them after the deployment's own values, which they override:\n")
            .Append(CultureInfo.InvariantCulture, $"#   helm upgrade --install airflow apache-airflow/airflow -f values.yaml -f {outputDir}/{environment.Name}/{ArtifactPaths.HelmValues}\n")
            .Append("# The chart renders the list into [dag_processor] dag_bundle_config_list of its airflow.cfg ConfigMap;\n")
            .Append("# the checksum/airflow-config annotation then restarts every Airflow pod, which Airflow needs to read it.\n");
        var refusal = WhyNotStructured(environment.Bundles);
        if (refusal is null)
        {
            text.Append("dagProcessor:\n");
            Write(buffer, text);
            Structured(buffer, environment.Bundles);
            return buffer;
        }

        text.Append("# Why not dagProcessor.dagBundleConfigList:\n")
            .Append(CultureInfo.InvariantCulture, $"#   {refusal}.\n")
            .Append("# So this file sets the chart's config.dag_processor.dag_bundle_config_list string, which the chart's\n")
            .Append("# values.yaml calls deprecated but still writes into airflow.cfg as it is, replacing the list it would build\n")
            .Append("# from dagProcessor.dagBundleConfigList. The JSON writes '%', '$', braces and quotes as \\u escapes, so\n")
            .Append("# neither the chart's templating nor Airflow's config parser changes the list.\n")
            .Append("config:\n")
            .Append("  dag_processor:\n")
            .Append("    dag_bundle_config_list: '");
        Write(buffer, text);

        // A single-quoted YAML scalar needs no escape: the config-safe JSON holds no quote character.
        using var json = BundleListJson.RenderPooled(environment.Bundles, ConfigSafeJson.Minified);
        buffer.Write(json.WrittenSpan);
        buffer.Write("'\n"u8);
        return buffer;
    }

    /// <summary>Why the chart's <c>dagProcessor.dagBundleConfigList</c> cannot carry the list exactly; null when it can.</summary>
    public static string? WhyNotStructured(IReadOnlyList<CompiledBundle> bundles)
    {
        foreach (var bundle in bundles)
        {
            if (bundle.TeamName is not null)
            {
                return $"bundle '{bundle.Name}' has a team_name, which the chart's dagBundleConfigList drops (before chart PR #67991) and its values schema refuses";
            }

            foreach (var (name, value) in bundle.Kwargs.ToDictionary())
            {
                if (value is IReadOnlyList<string>)
                {
                    return $"bundle '{bundle.Name}' sets {name}, a list, and the chart's values schema admits only string, number, boolean or null kwargs";
                }

                if (value is string text && text.AsSpan().IndexOfAny('%', '$') >= 0)
                {
                    return $"bundle '{bundle.Name}' has a '%' or '$' in {name}, which the chart writes unescaped into airflow.cfg, where Airflow's config parser rewrites it";
                }
            }
        }

        return null;
    }

    /// <summary>One block item per bundle; strings as JSON strings, which are YAML double-quoted scalars too.</summary>
    private static void Structured(PooledBufferWriter buffer, IReadOnlyList<CompiledBundle> bundles)
    {
        if (bundles.Count == 0)
        {
            buffer.Write("  dagBundleConfigList: []\n"u8);
            return;
        }

        buffer.Write("  dagBundleConfigList:\n"u8);
        foreach (var bundle in bundles)
        {
            buffer.Write("    - name: "u8);
            Quoted(buffer, bundle.Name);
            buffer.Write("\n      classpath: "u8);
            Quoted(buffer, bundle.Classpath);
            buffer.Write("\n      kwargs:\n"u8);
            foreach (var (name, value) in bundle.Kwargs.ToDictionary())
            {
                buffer.Write("        "u8);
                buffer.Write(Encoding.ASCII.GetBytes(name));
                buffer.Write(": "u8);
                switch (value)
                {
                    case string text:
                        Quoted(buffer, text);
                        break;
                    case int number:
                        buffer.Write(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)));
                        break;
                    case bool flag:
                        buffer.Write(flag ? "true"u8 : "false"u8);
                        break;
                }

                buffer.Write("\n"u8);
            }
        }
    }

    private static void Quoted(PooledBufferWriter buffer, string value)
    {
        buffer.Write("\""u8);
        buffer.Write(JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes);
        buffer.Write("\""u8);
    }

    private static void Write(PooledBufferWriter buffer, StringBuilder text) => buffer.Write(Encoding.UTF8.GetBytes(text.ToString()));
}
