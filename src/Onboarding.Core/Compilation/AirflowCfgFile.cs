namespace Onboarding.Core.Compilation;

/// <summary>
/// generated/&lt;env&gt;/airflow.cfg: a <c>[dag_processor]</c> section whose <c>dag_bundle_config_list</c> Python's
/// configparser (Airflow's config parser) reads back to exactly the compiled list. The indented JSON starts on the
/// key's line and continues on lines indented deeper than the key, which configparser joins into one value; no JSON
/// line starts with '#' or ';', so none is taken for a comment. Characters configparser or Airflow would rewrite
/// ('%', '$') are \u escapes (<see cref="ConfigSafeJson"/>).
/// </summary>
internal static class AirflowCfgFile
{
    public const string Section = "dag_processor";
    public const string Key = "dag_bundle_config_list";

    public static PooledBufferWriter Render(CompiledEnvironment environment)
    {
        using var json = BundleListJson.RenderPooled(environment.Bundles, ConfigSafeJson.Indented);
        var buffer = new PooledBufferWriter(json.WrittenSpan.Length * 5 / 4 + 2048);
        buffer.Write(Encoding.UTF8.GetBytes(
            $"# {ArtifactRenderer.GeneratedNotice}\n" +
            $"# The bundle list of environment '{environment.Name}' as an airflow.cfg section. To deploy it, replace the\n" +
            $"# {Key} option in the [{Section}] section of the deployment's airflow.cfg with the\n" +
            $"# one below (add the section if there is none; configparser refuses a section or an option written twice).\n" +
            "# Keep the continuation lines indented: configparser joins them into the one value. An environment variable\n" +
            $"# {ArtifactPaths.EnvVariable} takes precedence over airflow.cfg, so unset it.\n" +
            "# Airflow reads the list only at start-up: restart every Airflow component after the change.\n" +
            $"[{Section}]\n" +
            $"{Key} = "));

        IndentedLines.Write(buffer, json.WrittenSpan, "    "u8, indentFirst: false);
        return buffer;
    }
}
