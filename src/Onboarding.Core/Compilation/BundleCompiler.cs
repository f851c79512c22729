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

        // Every bundle of every environment compiles on its own: on a large platform the work is cut into slices of
        // the sorted list per environment, spread over the cores, and each environment's slices are joined in order.
        var slices = sources.Teams.Count < PlatformLoader.ParallelThreshold ? 1 : 4 * Environment.ProcessorCount;
        var parts = new List<CompiledBundle>[config.Environments.Count, slices];
        void CompileSlice(int job)
        {
            var (e, slice) = Math.DivRem(job, slices);
            var (start, end) = (vetted.Count * slice / slices, vetted.Count * (slice + 1) / slices);
            parts[e, slice] = CompileSliceOf(vetted, start, end, config, config.Environments[e], diagnostics);
        }

        if (slices == 1)
        {
            for (var job = 0; job < parts.Length; job++)
            {
                CompileSlice(job);
            }
        }
        else
        {
            Parallel.For(0, parts.Length, CompileSlice);
        }

        var environments = new CompiledEnvironment[config.Environments.Count];
        for (var e = 0; e < environments.Length; e++)
        {
            var bundles = new CompiledBundle[Enumerable.Range(0, slices).Sum(slice => parts[e, slice].Count)];
            var at = 0;
            for (var slice = 0; slice < slices; slice++)
            {
                parts[e, slice].CopyTo(bundles, at);
                at += parts[e, slice].Count;
            }

            environments[e] = new CompiledEnvironment(config.Environments[e], bundles);
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var platform = new CompiledPlatform(config, environments, sources.Teams, sources.Files) { IssueFormTemplate = sources.IssueFormTemplate };
        ArtifactLimits.Check(platform, diagnostics);
        return diagnostics.HasErrors ? null : platform;
    }

    /// <summary>The bundles of <paramref name="vetted"/> from <paramref name="start"/> up to <paramref name="end"/> that the environment loads, compiled.</summary>
    private static List<CompiledBundle> CompileSliceOf(
        List<VettedBundle> vetted, int start, int end, PlatformConfig config, EnvironmentSettings environment, DiagnosticBag diagnostics)
    {
        // What the platform sets for this environment, worked out once per slice instead of once per bundle.
        var platformSettings = environment.Settings.Over(config.Airflow.Defaults);
        var bundles = new List<CompiledBundle>(end - start);
        for (var i = start; i < end; i++)
        {
            var (team, bundle, index, url) = vetted[i];
            if (EnabledIn(bundle, environment, out var overrides)
                && CompileOne(team, bundle, index, url, environment, overrides.Over(bundle.Settings).Over(platformSettings), config, diagnostics) is { } compiled)
            {
                bundles.Add(compiled);
            }
        }

        return bundles;
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
