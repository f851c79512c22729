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

        var repos = PlatformValidator.Validate(config, sources.Teams, diagnostics);

        // Every vetted bundle once, in the order of the lists (by name), with its URL built once for all environments.
        var vetted = new List<VettedBundle>();
        foreach (var team in sources.Teams)
        {
            for (var i = 0; i < team.Bundles.Count; i++)
            {
                if (repos.TryGetValue(team.Bundles[i], out var repo))
                {
                    vetted.Add(new VettedBundle(team, team.Bundles[i], i, repo.Url));
                }
            }
        }

        vetted.Sort((a, b) => string.CompareOrdinal(a.Bundle.Name, b.Bundle.Name));

        // The environments are independent: each compiles every bundle through its own precedence, on its own core
        // when the platform is large enough to pay for the threads.
        var environments = new CompiledEnvironment[config.Environments.Count];
        void CompileEnvironment(int e) => environments[e] = CompileEnvironmentOf(vetted, config, config.Environments[e], diagnostics);
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

    private static CompiledEnvironment CompileEnvironmentOf(List<VettedBundle> vetted, PlatformConfig config, EnvironmentSettings environment, DiagnosticBag diagnostics)
    {
        // What the platform sets for this environment, worked out once instead of once per bundle.
        var platformSettings = environment.Settings.Over(config.Airflow.Defaults);
        var bundles = new List<CompiledBundle>(vetted.Count);
        foreach (var (team, bundle, index, url) in vetted)
        {
            if (EnabledIn(bundle, environment, out var overrides)
                && CompileOne(team, bundle, index, url, environment, overrides.Over(bundle.Settings).Over(platformSettings), config, diagnostics) is { } compiled)
            {
                bundles.Add(compiled);
            }
        }

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

    /// <summary>A bundle that passed validation, where it was written and the URL its kwargs carry.</summary>
    private readonly record struct VettedBundle(TeamFile Team, BundleSpec Bundle, int Index, string Url);
}
