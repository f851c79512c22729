namespace Onboarding.Core.Import;

/// <summary>Where an existing <c>dag_bundle_config_list</c> is read from.</summary>
public enum ImportFormat
{
    /// <summary>An airflow.cfg: the <c>[dag_processor]</c> section's <c>dag_bundle_config_list</c>.</summary>
    Cfg,

    /// <summary>An env file or shell line setting <c>AIRFLOW__DAG_PROCESSOR__DAG_BUNDLE_CONFIG_LIST</c>.</summary>
    Env,

    /// <summary>A JSON file holding the list itself.</summary>
    Json,
}
