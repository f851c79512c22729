namespace Onboarding.Core.Model;

/// <summary>
/// One artifact form <c>outputs.formats</c> can select: the loader's allowed values, the schema's
/// description and the renderer's file name all come from this list.
/// </summary>
/// <param name="Name">The value written in <c>formats</c>.</param>
/// <param name="FileName">The file written in <c>generated/&lt;env&gt;/</c>.</param>
/// <param name="Consumer">Who reads it, for the schema and editors.</param>
public sealed record OutputFormat(string Name, string FileName, string Consumer)
{
    public static IReadOnlyList<OutputFormat> All { get; } =
    [
        new(OutputSettings.Json, ArtifactPaths.BundleJson, "the list as JSON for tools, GitOps and review (always written)"),
        new(OutputSettings.Env, ArtifactPaths.EnvFile,
            $"{ArtifactPaths.EnvVariable}=<list> for docker --env-file or Kubernetes env (not a shell file), at most {ArtifactLimits.Bytes(ArtifactLimits.EnvStringLimit)} bytes"),
        new(OutputSettings.ConfigMap, ArtifactPaths.ConfigMap,
            $"a Kubernetes ConfigMap with the JSON file (and the variable when env is selected), annotated with the list's SHA-256, data at most {ArtifactLimits.Bytes(ArtifactLimits.ConfigMapLimit)} bytes"),
        new(OutputSettings.Cfg, ArtifactPaths.AirflowCfg, "a [dag_processor] section to merge into the deployment's airflow.cfg"),
        new(OutputSettings.Helm, ArtifactPaths.HelmValues,
            "values for the official apache-airflow Helm chart (dagProcessor.dagBundleConfigList) for helm upgrade -f"),
    ];

    public static OutputFormat Named(string name) => All.First(f => f.Name == name);
}
