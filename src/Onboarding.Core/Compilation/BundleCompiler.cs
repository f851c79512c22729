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

        // Every bundle compiles on its own: on a large platform the sorted list is cut into slices spread over the
        // cores, each slice compiled for every environment, and each environment's slices are joined in order.
        var slices = sources.Teams.Count < PlatformLoader.ParallelThreshold ? 1 : 4 * Environment.ProcessorCount;
        var parts = new List<CompiledBundle>[config.Environments.Count, slices];
        void CompileSlice(int slice)
        {
            var lists = CompileSliceOf(vetted, vetted.Count * slice / slices, vetted.Count * (slice + 1) / slices, config, diagnostics);
            for (var e = 0; e < lists.Length; e++)
            {
                parts[e, slice] = lists[e];
            }
        }

        if (slices == 1)
        {
            CompileSlice(0);
        }
        else
        {
            Parallel.For(0, slices, CompileSlice);
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

    /// <summary>The bundles of <paramref name="vetted"/> from <paramref name="start"/> up to <paramref name="end"/>, compiled for each environment that loads them.</summary>
    private static List<CompiledBundle>[] CompileSliceOf(List<VettedBundle> vetted, int start, int end, PlatformConfig config, DiagnosticBag diagnostics)
    {
        // What the platform sets for each environment, worked out once per slice instead of once per bundle; environments
        // that set nothing of their own share the defaults' instance.
        var environments = config.Environments;
        var platformSettings = new BundleSettings[environments.Count];
        var lists = new List<CompiledBundle>[environments.Count];
        for (var e = 0; e < environments.Count; e++)
        {
            platformSettings[e] = environments[e].Settings.Over(config.Airflow.Defaults);
            lists[e] = new List<CompiledBundle>(end - start);
        }

        for (var i = start; i < end; i++)
        {
            var (team, bundle, index, url) = vetted[i];

            // A bundle without overrides compiles the same in environments whose platform settings are the same
            // instance: the compiled item (immutable) is shared by their lists instead of built again.
            (BundleSettings Platform, CompiledBundle Compiled)? shared = null;
            for (var e = 0; e < environments.Count; e++)
            {
                if (!EnabledIn(bundle, environments[e], out var overrides))
                {
                    continue;
                }

                var compiled = overrides.IsEmpty && shared is { } same && ReferenceEquals(same.Platform, platformSettings[e])
                    ? same.Compiled
                    : CompileOne(team, bundle, index, url, environments[e], overrides.Over(bundle.Settings).Over(platformSettings[e]), config, diagnostics);
                if (compiled is not null)
                {
                    lists[e].Add(compiled);
                    if (overrides.IsEmpty)
                    {
                        shared = (platformSettings[e], compiled);
                    }
                }
            }
        }

        return lists;
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
