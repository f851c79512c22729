namespace Onboarding.Core.Compilation;

public static class ArtifactPaths
{
    public const string BundleJson = "dag_bundle_config.json";
    public const string EnvFile = "airflow.env";
    public const string ConfigMap = "configmap.yaml";
    public const string Manifest = "manifest.json";
    public const string EnvVariable = "AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST";
    public const string HashAnnotation = "airflow-onboarding/dag-bundle-config-sha256";

    public static string Json(string outputDir, string environment) => $"{outputDir}/{environment}/{BundleJson}";

    public static string ManifestPath(string outputDir) => $"{outputDir}/{Manifest}";

    public static string CatalogPath(string outputDir) => $"{outputDir}/{BundleCatalog.FileName}";
}
