namespace Onboarding.Core.Settings;

/// <summary>
/// Refuses settings the configured Airflow does not accept: its GitDagBundle would fail on the
/// unknown argument and skip the whole bundle, so the error belongs at the key, before compile.
/// </summary>
public static class SettingVersions
{
    public static void Check(BundleSettings settings, string keyPath, AirflowVersion version, SourceLocation fallback, DiagnosticBag diagnostics)
    {
        foreach (var (setting, _) in settings.Values)
        {
            if (setting.Since > version)
            {
                diagnostics.ErrorIn($"{keyPath}.{setting.Key}", DiagnosticCodes.SettingNeedsNewerAirflow, settings.At(setting) ?? fallback,
                    $"'{keyPath}.{setting.Key}' needs Airflow {setting.Since} or later, but onboarding.yaml sets airflow.version to \"{version}\"",
                    $"Airflow {version} refuses the argument and skips the whole bundle: remove {setting.Key}, or raise airflow.version once every environment runs Airflow {setting.Since} or later");
            }
        }
    }

    /// <summary>Checks the settings of onboarding.yaml: airflow.defaults, airflow.* and each environment.</summary>
    public static void Check(PlatformConfig config, DiagnosticBag diagnostics)
    {
        var version = config.Airflow.Version;
        var at = SourceLocation.StartOf(config.Path);
        Check(config.Airflow.Defaults.Only(GitBundleSettings.At(SettingPlaces.PlatformDefaults)), "airflow.defaults", version, at, diagnostics);
        Check(config.Airflow.Defaults.Only(GitBundleSettings.At(SettingPlaces.Airflow)), "airflow", version, at, diagnostics);
        foreach (var environment in config.Environments)
        {
            Check(environment.Settings, $"environments.{environment.Name}", version, environment.At, diagnostics);
        }
    }

    /// <summary>Checks a bundle's settings and those of each of its environments.</summary>
    public static void Check(BundleSpec bundle, string keyPath, AirflowVersion version, DiagnosticBag diagnostics)
    {
        Check(bundle.Settings, keyPath, version, bundle.At.Name, diagnostics);
        foreach (var environment in bundle.Environments ?? [])
        {
            Check(environment.Settings, $"{keyPath}.environments.{environment.Name}", version, environment.At, diagnostics);
        }
    }
}
