namespace Onboarding.Core.Compilation;

public static class ArtifactPaths
{
    public const string BundleJson = "dag_bundle_config.json";
    public const string EnvFile = "airflow.env";
    public const string ConfigMap = "configmap.yaml";
    public const string AirflowCfg = "airflow.cfg";
    public const string HelmValues = "helm-values.yaml";
    public const string Manifest = "manifest.json";
    public const string EnvVariable = "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST";
    public const string HashAnnotation = "airflow-onboarding/dag-bundle-config-sha256";

    /// <summary>The names of every file compile may write: a generated file of another name is not the tool's.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [.. OutputFormat.All.Select(f => f.FileName), Manifest];

    public static string Json(string outputDir, string environment) => $"{outputDir}/{environment}/{BundleJson}";

    /// <summary>The file of <paramref name="format"/> for one environment.</summary>
    public static string Of(string outputDir, string environment, string format) => $"{outputDir}/{environment}/{OutputFormat.Named(format).FileName}";

    public static string ManifestPath(string outputDir) => $"{outputDir}/{Manifest}";

    public static string CatalogPath(string outputDir) => $"{outputDir}/{BundleCatalog.FileName}";
}
