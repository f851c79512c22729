namespace Onboarding.Core.Compilation;

/// <summary>
/// The size limits of the forms that reach Airflow through the operating system or Kubernetes, checked before
/// anything is written: an over-size form is an error naming the environment, the size, the limit and the forms
/// that still fit; from <see cref="WarningPercent"/> % of a limit it is a warning. The JSON and cfg files have no
/// such limit. Sizes are measured by the code that renders the forms, and only for the forms an environment selects.
/// </summary>
internal static class ArtifactLimits
{
    /// <summary>Linux's MAX_ARG_STRLEN (32 pages of 4 KiB), counting the string's terminating NUL: execve fails with E2BIG beyond it.</summary>
    public const int EnvStringLimit = 131_072;

    /// <summary>Kubernetes refuses a ConfigMap whose data exceeds 1 MiB.</summary>
    public const int ConfigMapLimit = 1_048_576;

    /// <summary>
    /// What the chart's own airflow.cfg ConfigMap holds besides the list: the rest of airflow.cfg, the pod template
    /// and local settings files. A generous estimate: a chart ConfigMap refused at deploy time is worse than an early warning.
    /// </summary>
    public const int ChartConfigAllowance = 64 * 1024;

    public const int WarningPercent = 80;

    public static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture);

    public static void Check(CompiledPlatform platform, DiagnosticBag diagnostics)
    {
        foreach (var environment in platform.Environments)
        {
            var formats = platform.Config.Outputs.For(environment.Environment);
            if (!formats.Any(f => f is OutputSettings.Env or OutputSettings.ConfigMap or OutputSettings.Helm))
            {
                continue;
            }

            var sizes = new FormSizes(environment.Bundles, formats.Contains(OutputSettings.Env));
            if (formats.Contains(OutputSettings.Env))
            {
                Report(diagnostics, environment, sizes, DiagnosticCodes.EnvStringTooLarge, sizes.EnvString, EnvStringLimit,
                    $"the environment string {ArtifactPaths.EnvVariable}=<list> ({ArtifactPaths.EnvFile})",
                    "Linux's limit for one environment string (MAX_ARG_STRLEN, counting its terminating NUL)",
                    "docker and Kubernetes start the container through execve, which fails with 'Argument list too long'");
            }

            if (formats.Contains(OutputSettings.ConfigMap))
            {
                Report(diagnostics, environment, sizes, DiagnosticCodes.ConfigMapTooLarge, sizes.ConfigMapData, ConfigMapLimit,
                    $"the data of {ArtifactPaths.ConfigMap} (keys and values)",
                    "Kubernetes' limit for a ConfigMap's data",
                    "the API server refuses the ConfigMap");
            }

            if (formats.Contains(OutputSettings.Helm))
            {
                Report(diagnostics, environment, sizes, DiagnosticCodes.HelmConfigMapTooLarge, sizes.ChartConfigMap, ConfigMapLimit,
                    $"the airflow.cfg ConfigMap the Helm chart renders from {ArtifactPaths.HelmValues} (the list on one line plus {Bytes(ChartConfigAllowance)} bytes for the chart's other settings)",
                    "Kubernetes' limit for a ConfigMap's data",
                    "the API server refuses the chart's ConfigMap and helm upgrade fails");
            }
        }
    }

    private static void Report(
        DiagnosticBag diagnostics, CompiledEnvironment environment, FormSizes sizes, string code, long size, long limit, string what, string limitName, string consequence)
    {
        var at = environment.Environment.At;
        var percent = size * 100 / limit;
        if (size > limit)
        {
            var fitting = sizes.FormsThatFit().ToArray();
            var selectable = string.Join(", ", fitting.Where(OutputSettings.AllFormats.Contains));
            diagnostics.Error(code, at,
                $"environment '{environment.Name}': {what} is {Bytes(size)} bytes, over {limitName} of {Bytes(limit)} bytes: {consequence}",
                $"the forms that still fit this list are {string.Join(", ", fitting)}; select them with 'formats: [{selectable}]' under environments.{environment.Name} (or outputs)");
        }
        else if (percent >= WarningPercent)
        {
            diagnostics.Warning(code, at,
                $"environment '{environment.Name}': {what} is {Bytes(size)} bytes, {percent.ToString(CultureInfo.InvariantCulture)} % of {limitName} of {Bytes(limit)} bytes; beyond it {consequence}",
                $"plan the move before a few more bundles pass it: json and cfg have no such limit, and the forms that fit now are {string.Join(", ", sizes.FormsThatFit())}");
        }
    }

    /// <summary>The sizes of one environment's forms, each measured once and only when asked for.</summary>
    private sealed class FormSizes(IReadOnlyList<CompiledBundle> bundles, bool envSelected)
    {
        private readonly Lazy<long> _minified = new(() => BundleListJson.Measure(bundles, JsonOutput.Minified));
        private readonly Lazy<long> _indented = new(() => BundleListJson.Measure(bundles, JsonOutput.Indented));
        private readonly Lazy<long> _chartList = new(() => BundleListJson.Measure(bundles, ConfigSafeJson.Minified));

        /// <summary><c>NAME=value</c> and the NUL that ends it in the process's environment block.</summary>
        public long EnvString => ArtifactPaths.EnvVariable.Length + 1 + _minified.Value + 1;

        public long ConfigMapData => ConfigMapDataWith(envSelected);

        public long ChartConfigMap => ChartConfigAllowance + "dag_bundle_config_list = ".Length + _chartList.Value;

        public IEnumerable<string> FormsThatFit()
        {
            yield return OutputSettings.Json;
            if (EnvString <= EnvStringLimit)
            {
                yield return OutputSettings.Env;
            }

            if (ConfigMapData <= ConfigMapLimit)
            {
                yield return OutputSettings.ConfigMap;
            }
            else if (envSelected && ConfigMapDataWith(env: false) <= ConfigMapLimit)
            {
                yield return $"{OutputSettings.ConfigMap} (without {OutputSettings.Env})";
            }

            yield return OutputSettings.Cfg;
            if (ChartConfigMap <= ConfigMapLimit)
            {
                yield return OutputSettings.Helm;
            }
        }

        private long ConfigMapDataWith(bool env) =>
            ArtifactPaths.BundleJson.Length + _indented.Value + (env ? ArtifactPaths.EnvVariable.Length + _minified.Value : 0);
    }
}
