namespace Onboarding.Core.Settings;

/// <summary>Where a bundle setting may be written; a value found lower in this list is overridden by one higher up.</summary>
[Flags]
public enum SettingPlaces
{
    None = 0,

    /// <summary><c>bundles[].environments.&lt;env&gt;</c> in a team file.</summary>
    BundleEnvironment = 1,

    /// <summary><c>bundles[]</c> in a team file.</summary>
    Bundle = 2,

    /// <summary><c>environments.&lt;env&gt;</c> in onboarding.yaml.</summary>
    PlatformEnvironment = 4,

    /// <summary><c>airflow.defaults</c> in onboarding.yaml.</summary>
    PlatformDefaults = 8,

    /// <summary><c>airflow.&lt;key&gt;</c> in onboarding.yaml: a platform-wide value a bundle may override.</summary>
    Airflow = 16,

    /// <summary>Every level of the precedence: bundle environment, bundle, platform environment, platform defaults.</summary>
    Cascading = BundleEnvironment | Bundle | PlatformEnvironment | PlatformDefaults,
}
