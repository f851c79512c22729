namespace Onboarding.Core.Compilation;

/// <summary>
/// Turns validated team files into each environment's bundle list. Precedence for each setting:
/// bundle environment override &gt; bundle &gt; platform environment &gt; platform defaults.
/// </summary>
public static class BundleCompiler
{
    private static readonly BundleSetting[] RequiredSettings = [.. GitBundleSettings.All.Where(s => s.Required)];

    public static CompiledPlatform? Compile(PlatformSources sources, DiagnosticBag diagnostics)
    {
        if (sources.Config is not { } config)
        {
            return null;
        }

        // Each bundle's URL is built once and shared by every environment's list.
        var urls = PlatformValidator.Validate(config, sources.Teams, diagnostics)
            .ToDictionary(r => r.Key, r => r.Value.Url, (IEqualityComparer<BundleSpec>)ReferenceEqualityComparer.Instance);

        // The environments are independent: each compiles every bundle through its own precedence, on its own core
        // when the platform is large enough to pay for the threads.
        var environments = new CompiledEnvironment[config.Environments.Count];
        void CompileEnvironment(int e) => environments[e] = CompileEnvironmentOf(sources.Teams, urls, config, config.Environments[e], diagnostics);
        if (sources.Teams.Count < PlatformLoader.ParallelThreshold)
        {
            for (var e = 0; e < environments.Length; e++)
            {
                CompileEnvironment(e);
            }
        }
        else
        {
            Parallel.For(0, environments.Length, CompileEnvironment);
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var platform = new CompiledPlatform(config, environments, sources.Teams, sources.Files) { IssueFormTemplate = sources.IssueFormTemplate };
        ArtifactLimits.Check(platform, diagnostics);
        return diagnostics.HasErrors ? null : platform;
    }

    private static CompiledEnvironment CompileEnvironmentOf(
        IReadOnlyList<TeamFile> teams, Dictionary<BundleSpec, string> urls, PlatformConfig config, EnvironmentSettings environment, DiagnosticBag diagnostics)
    {
        // What the platform sets for this environment, worked out once instead of once per bundle.
        var platformSettings = environment.Settings.Over(config.Airflow.Defaults);
        var bundles = new List<CompiledBundle>();
        foreach (var team in teams)
        {
            for (var i = 0; i < team.Bundles.Count; i++)
            {
                var bundle = team.Bundles[i];
                if (urls.TryGetValue(bundle, out var url) && EnabledIn(bundle, environment, out var overrides)
                    && CompileOne(team, bundle, i, url, environment, overrides.Over(bundle.Settings).Over(platformSettings), config, diagnostics) is { } compiled)
                {
                    bundles.Add(compiled);
                }
            }
        }

        bundles.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new CompiledEnvironment(environment, [.. bundles]);
    }

    /// <summary>Whether the bundle is enabled in the environment (every one, unless it lists some), and its overrides there.</summary>
    private static bool EnabledIn(BundleSpec bundle, EnvironmentSettings environment, out BundleSettings overrides)
    {
        overrides = BundleSettings.None;
        if (bundle.Environments is null)
        {
            return true;
        }

        foreach (var listed in bundle.Environments)
        {
            if (listed.Name == environment.Name)
            {
                overrides = listed.Settings;
                return true;
            }
        }

        return false;
    }

    private static CompiledBundle? CompileOne(
        TeamFile team, BundleSpec bundle, int index, string url, EnvironmentSettings environment, BundleSettings settings, PlatformConfig config, DiagnosticBag diagnostics)
    {
        var complete = true;
        foreach (var setting in RequiredSettings)
        {
            if (settings[setting] is null)
            {
                complete = false;
                diagnostics.ErrorIn($"bundles[{index}].{setting.Key}", DiagnosticCodes.NoTrackingRef, bundle.At.Name,
                    $"bundle '{bundle.Name}' has no {setting.Key} for environment '{environment.Name}' (GitDagBundle requires one)",
                    $"set 'bundles[{index}].{setting.Key}', or airflow.defaults.{setting.Key} in onboarding.yaml");
            }
        }

        if (!complete)
        {
            return null;
        }

        var kwargs = new GitBundleKwargs(url, settings);

        return new CompiledBundle(
            bundle.Name,
            config.Airflow.Classpath,
            kwargs,
            config.Airflow.MultiTeam ? team.Name : null,
            team.Path);
    }
}
