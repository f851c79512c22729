namespace Onboarding.Core.Compilation;

/// <summary>
/// Turns validated team files into each environment's bundle list. Precedence for each setting:
/// bundle environment override &gt; bundle &gt; platform environment &gt; platform defaults.
/// </summary>
public static class BundleCompiler
{
    public static CompiledPlatform? Compile(PlatformSources sources, DiagnosticBag diagnostics)
    {
        if (sources.Config is not { } config)
        {
            return null;
        }

        var repos = PlatformValidator.Validate(config, sources.Teams, diagnostics);
        var perEnvironment = config.Environments.ToDictionary(e => e.Name, _ => new List<CompiledBundle>());

        foreach (var team in sources.Teams)
        {
            for (var i = 0; i < team.Bundles.Count; i++)
            {
                var bundle = team.Bundles[i];
                if (!repos.TryGetValue(bundle, out var repo))
                {
                    continue;
                }

                foreach (var environment in EnabledIn(bundle, config))
                {
                    var compiled = CompileOne(team, bundle, i, repo, environment, config, diagnostics);
                    if (compiled is not null)
                    {
                        perEnvironment[environment.Name].Add(compiled);
                    }
                }
            }
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var environments = config.Environments
            .Select(e => new CompiledEnvironment(e, [.. perEnvironment[e.Name].OrderBy(b => b.Name, StringComparer.Ordinal)]))
            .ToArray();
        var platform = new CompiledPlatform(config, environments, sources.Teams, sources.Files) { IssueFormTemplate = sources.IssueFormTemplate };
        ArtifactLimits.Check(platform, diagnostics);
        return diagnostics.HasErrors ? null : platform;
    }

    private static IEnumerable<EnvironmentSettings> EnabledIn(BundleSpec bundle, PlatformConfig config) =>
        bundle.Environments is null
            ? config.Environments
            : config.Environments.Where(e => bundle.Environments.Any(b => b.Name == e.Name));

    private static CompiledBundle? CompileOne(
        TeamFile team, BundleSpec bundle, int index, RepoReference repo, EnvironmentSettings environment, PlatformConfig config, DiagnosticBag diagnostics)
    {
        var overrides = bundle.Environments?.FirstOrDefault(e => e.Name == environment.Name)?.Settings ?? BundleSettings.None;
        var settings = overrides.Over(bundle.Settings).Over(environment.Settings).Over(config.Airflow.Defaults);
        var missing = GitBundleSettings.All.Where(s => s.Required && settings[s] is null).ToArray();
        foreach (var setting in missing)
        {
            diagnostics.ErrorIn($"bundles[{index}].{setting.Key}", DiagnosticCodes.NoTrackingRef, bundle.At.Name,
                $"bundle '{bundle.Name}' has no {setting.Key} for environment '{environment.Name}' (GitDagBundle requires one)",
                $"set 'bundles[{index}].{setting.Key}', or airflow.defaults.{setting.Key} in onboarding.yaml");
        }

        if (missing.Length > 0)
        {
            return null;
        }

        var kwargs = new GitBundleKwargs(repo.Url, settings);

        return new CompiledBundle(
            bundle.Name,
            config.Airflow.Classpath,
            kwargs,
            config.Airflow.MultiTeam ? team.Name : null,
            team.Path);
    }
}
