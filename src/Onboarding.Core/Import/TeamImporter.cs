namespace Onboarding.Core.Import;

/// <summary>
/// Turns an existing <c>dag_bundle_config_list</c> into team files. Values the platform would give
/// anyway are left out; anything a team file cannot say is an error. Before anything is written,
/// the planned files are compiled together with the rest of the platform and the result compared
/// with the imported list, so the round trip is proven, not assumed.
/// </summary>
public static class TeamImporter
{
    public static async Task<ImportResult> PlanAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var platform = await PlatformCompilation.CompileAsync(new DiskSource(options.Root), hashSources: false, cancellationToken).ConfigureAwait(false);
        // A platform without teams/ yet is what an import starts from: the import creates the folder.
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(platform.Diagnostics.Sorted()
            .Where(d => d.Code != DiagnosticCodes.MissingTeamsFolder && (platform.Inputs.Config is null || d.Severity == Severity.Error)));
        var sources = platform.Inputs;
        if (sources.Config is not { } config || diagnostics.HasErrors)
        {
            if (sources.Config is not null)
            {
                diagnostics.Error(DiagnosticCodes.ImportPlatformInvalid, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                    "the platform repository has errors, so nothing can be imported into it", "fix the errors above ('onboard validate' lists them), then import again");
            }

            return Failed(diagnostics);
        }

        var targets = Targets(config, options.Environment, diagnostics);
        var text = ImportSourceReader.Read(options.From, options.FromDisplay, options.Format, diagnostics);
        var tree = text is null ? null : StrictJsonReader.Read(text, diagnostics);
        var bundles = tree is null ? null : BundleListReader.Read(tree, config, diagnostics);
        if (targets is null || bundles is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics);
        }

        if (bundles.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, tree!.At, "the list holds no bundles, so there is nothing to import", "point --from at the list of the environment you are migrating");
            return Failed(diagnostics);
        }

        CheckPlatformFits(config, bundles, diagnostics);
        var drafts = new Planner(config, sources, targets, options, diagnostics).Build(bundles);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics);
        }

        var files = drafts.Where(d => d.Changed).Select(d => new ImportFile(
            d.Path,
            TeamFileWriter.Write(d.ToDocument()),
            d.Existing is null ? ImportFileStatus.Created : options.Environment is null ? ImportFileStatus.Replaced : ImportFileStatus.Updated)).ToArray();

        foreach (var draft in drafts.Where(d => d.Existing is null))
        {
            diagnostics.Warning(DiagnosticCodes.ImportPlaceholderOwner, SourceLocation.StartOf(draft.Path),
                $"owners.github_team of new team '{draft.Name}' is set to '{draft.Name}', a guess: the list does not say who owns the bundles",
                $"set it to the slug of the GitHub team that owns {draft.Name}'s repositories before merging");
        }

        Verify(platform, files, bundles, targets, diagnostics);
        return new ImportResult(diagnostics.Sorted(), diagnostics.HasErrors ? [] : files, bundles.Count, [.. targets.Select(t => t.Name)]);
    }

    /// <summary>Writes the planned files, each atomically; the caller has checked there is no error.</summary>
    public static void Apply(string root, ImportResult result)
    {
        foreach (var file in result.Files)
        {
            AtomicFile.Write(root, file.Path, Encoding.UTF8.GetBytes(file.Content));
        }
    }

    private static ImportResult Failed(DiagnosticBag diagnostics) => new(diagnostics.Sorted(), [], 0, []);

    private static List<EnvironmentSettings>? Targets(PlatformConfig config, string? environment, DiagnosticBag diagnostics)
    {
        if (environment is null)
        {
            return [.. config.Environments];
        }

        if (config.FindEnvironment(environment) is { } found)
        {
            return [found];
        }

        diagnostics.Error(DiagnosticCodes.ImportUnknownEnvironment, SourceLocation.StartOf(PlatformConfigLoader.FileName),
            $"--environment {Display.Quote(environment)} is not an environment of onboarding.yaml",
            $"use one of: {string.Join(", ", config.Environments.Select(e => e.Name))}");
        return null;
    }

    /// <summary>Settings of onboarding.yaml that would change every bundle, reported once rather than per bundle.</summary>
    private static void CheckPlatformFits(PlatformConfig config, IReadOnlyList<ImportedBundle> bundles, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.StartOf(PlatformConfigLoader.FileName);
        if (config.Airflow.Classpath != AirflowSettings.GitDagBundleClasspath)
        {
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, at,
                $"onboarding.yaml sets airflow.classpath to {Display.Quote(config.Airflow.Classpath)}, so compile would change every bundle's classpath",
                $"remove airflow.classpath or set it to {AirflowSettings.GitDagBundleClasspath}");
        }

        var withTeam = bundles.Where(b => b.TeamName is not null).ToArray();
        if (withTeam.Length > 0 && !config.Airflow.MultiTeam)
        {
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, withTeam[0].At,
                $"{withTeam[0].Path} (bundle '{withTeam[0].Name}') sets team_name, but onboarding.yaml has airflow.multi_team: false, so compile would drop it ({withTeam.Length} bundle(s) affected)",
                "set airflow.multi_team: true in onboarding.yaml (Airflow 3.2 or later, [core] multi_team enabled), or remove team_name from the list");
        }

        var withoutTeam = bundles.Where(b => b.TeamName is null).ToArray();
        if (withoutTeam.Length > 0 && config.Airflow.MultiTeam)
        {
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, withoutTeam[0].At,
                $"{withoutTeam[0].Path} (bundle '{withoutTeam[0].Name}') has no team_name, but onboarding.yaml has airflow.multi_team: true, so compile would add one ({withoutTeam.Length} bundle(s) affected)",
                "give every bundle its team_name in the list, or set airflow.multi_team: false");
        }
    }

    /// <summary>Compiles the platform with the planned files written and compares every bundle with the imported list.</summary>
    private static void Verify(PlatformCompilation platform, IReadOnlyList<ImportFile> files, IReadOnlyList<ImportedBundle> bundles, List<EnvironmentSettings> targets, DiagnosticBag diagnostics)
    {
        var verification = platform.WithTeamFiles(files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Content), StringComparer.Ordinal));
        var compiled = verification.Platform;
        foreach (var problem in verification.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error))
        {
            diagnostics.Error(problem.Code, problem.Location, $"in the team file import would write: {problem.Message}", problem.Hint);
        }

        if (compiled is null)
        {
            return;
        }

        foreach (var target in targets)
        {
            var environment = compiled.Environments.First(e => e.Name == target.Name);
            var byName = environment.Bundles.ToDictionary(b => b.Name, StringComparer.Ordinal);
            foreach (var bundle in bundles)
            {
                CompareOne(bundle, byName.GetValueOrDefault(bundle.Name), target.Name, diagnostics);
            }

            var extra = environment.Bundles.Where(b => !bundles.Any(i => i.Name == b.Name)).ToArray();
            if (extra.Length > 0)
            {
                diagnostics.Warning(DiagnosticCodes.ImportExtraBundles, SourceLocation.StartOf(extra[0].SourceFile),
                    $"after the import, environment '{target.Name}' also gets {extra.Length} bundle(s) that are not in the imported list: {string.Join(", ", extra.Select(b => $"{b.Name} ({b.SourceFile})"))}",
                    "if the imported list is the whole of that environment's setting, restrict those bundles with 'environments:' or remove them");
            }
        }
    }

    private static void CompareOne(ImportedBundle bundle, CompiledBundle? compiled, string environment, DiagnosticBag diagnostics)
    {
        var subject = $"{bundle.Path} (bundle '{bundle.Name}')";
        if (compiled is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, bundle.At, $"{subject} would be missing from environment '{environment}' after compile",
                "check its team file's 'environments:' entry");
            return;
        }

        var expected = bundle.ExpectedKwargs();
        var actual = compiled.Kwargs.ToDictionary();
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.GetValueOrDefault(key);
            var got = actual.GetValueOrDefault(key);
            if (!KwargValues.Same(want, got))
            {
                diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, bundle.At,
                    $"{subject}: compile would give kwargs.{key} = {KwargValues.Show(got)} in environment '{environment}', but the list has {KwargValues.Show(want)}",
                    "the platform's settings in onboarding.yaml decide this value; change them or the list so they agree");
            }
        }

        if (compiled.TeamName != bundle.TeamName && (compiled.TeamName is not null || bundle.TeamName is not null))
        {
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, bundle.At,
                $"{subject}: compile would give team_name {KwargValues.Show(compiled.TeamName)} in environment '{environment}', but the list has {KwargValues.Show(bundle.TeamName)}",
                "check airflow.multi_team in onboarding.yaml");
        }
    }

    /// <summary>Builds the team drafts bundle by bundle.</summary>
    private sealed class Planner(PlatformConfig config, PlatformSources sources, List<EnvironmentSettings> targets, ImportOptions options, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, TeamDraft> _drafts = new(StringComparer.Ordinal);
        private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

        private BundleSettings Defaults => config.Airflow.Defaults;

        public List<TeamDraft> Build(IReadOnlyList<ImportedBundle> bundles)
        {
            foreach (var bundle in bundles)
            {
                if (options.Environment is null)
                {
                    AddEverywhere(bundle);
                }
                else
                {
                    AddToEnvironment(bundle, targets[0]);
                }
            }

            return [.. _drafts.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];
        }

        private static IReadOnlyList<BundleSetting> Cascading { get; } = [.. GitBundleSettings.All.Where(s => s.Cascades)];

        private static IReadOnlyList<BundleSetting> BundleOnly { get; } = [.. GitBundleSettings.All.Where(s => !s.Cascades)];

        private void AddEverywhere(ImportedBundle bundle)
        {
            var draft = Draft(bundle.Team, bundle, replace: true);
            if (draft is null)
            {
                return;
            }

            draft.Bundles.Add(NewBundle(bundle, GitBundleSettings.All));
            draft.Changed = true;
        }

        private void AddToEnvironment(ImportedBundle bundle, EnvironmentSettings environment)
        {
            var owner = sources.Teams.FirstOrDefault(t => t.Bundles.Any(b => string.Equals(b.Name, bundle.Name, StringComparison.OrdinalIgnoreCase)));
            if (owner is not null && bundle.TeamName is not null && owner.Name != bundle.TeamName)
            {
                diagnostics.Error(DiagnosticCodes.ImportEnvironmentConflict, bundle.At,
                    $"{bundle.Path} (bundle '{bundle.Name}') has team_name '{bundle.TeamName}', but the bundle already belongs to team '{owner.Name}' ({owner.Path})",
                    "a bundle belongs to one team in every environment: fix team_name in the list, or move the bundle between team files by hand");
                return;
            }

            var draft = Draft(owner?.Name ?? bundle.Team, bundle, replace: false);
            if (draft is null)
            {
                return;
            }

            var index = draft.Bundles.FindIndex(b => string.Equals(b.Name, bundle.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                var added = NewBundle(bundle, BundleOnly);
                var overrides = Override(bundle, BundleSettings.None, environment);
                if (overrides is not null)
                {
                    draft.Bundles.Add(added with { Environments = [new(environment.Name, overrides)] });
                    draft.Changed = true;
                }

                return;
            }

            if (Merge(draft, draft.Bundles[index], bundle, environment) is { } merged)
            {
                draft.Bundles[index] = merged;
                draft.Changed = true;
            }
        }

        /// <summary>The existing bundle with the list's environment added, or null when nothing changes or after an error.</summary>
        private BundleSpec? Merge(TeamDraft draft, BundleSpec existing, ImportedBundle bundle, EnvironmentSettings environment)
        {
            var subject = $"{bundle.Path} (bundle '{bundle.Name}')";
            var hint = $"only {string.Join(", ", Cascading.Select(s => s.Key))} can differ between environments; make the lists agree, or edit {draft.Path} by hand";
            var repo = RepoReference.Resolve(existing.Repo, config, out _, out _);
            Conflict(repo?.Url != bundle.Repo.Url, GitBundleSettings.RepoUrlKwarg, repo?.Url, bundle.Repo.Url);
            var inFile = existing.Settings.Over(Defaults);
            foreach (var setting in BundleOnly)
            {
                Conflict(!KwargValues.Same(inFile[setting], bundle.Settings[setting]), setting.Kwarg, inFile[setting], bundle.Settings[setting]);
            }

            if (existing.Environments is null)
            {
                var effective = existing.Settings.Over(environment.Settings).Over(Defaults).Only(Cascading);
                if (effective != bundle.Settings.Only(Cascading))
                {
                    diagnostics.Error(DiagnosticCodes.ImportEnvironmentConflict, bundle.At,
                        $"{subject} is enabled in every environment by {draft.Path}, with other settings for '{environment.Name}' than the list",
                        $"give the bundle an 'environments:' entry per environment in {draft.Path} by hand, then import again");
                }

                return null;
            }

            var overrides = Override(bundle, existing.Settings, environment);
            if (overrides is null)
            {
                return null;
            }

            var environments = existing.Environments.ToList();
            var index = environments.FindIndex(e => e.Name == environment.Name);
            if (index >= 0)
            {
                if (environments[index].Settings == overrides)
                {
                    return null;
                }

                if (!options.Force)
                {
                    diagnostics.Error(DiagnosticCodes.ImportEnvironmentConflict, bundle.At,
                        $"{subject} already has settings for environment '{environment.Name}' in {draft.Path} that differ from the list",
                        "pass --force to replace that environment's settings with the list's");
                    return null;
                }

                environments[index] = new(environment.Name, overrides);
            }
            else
            {
                environments.Add(new(environment.Name, overrides));
                var order = config.Environments.Select(e => e.Name).ToList();
                environments.Sort((a, b) => order.IndexOf(a.Name).CompareTo(order.IndexOf(b.Name)));
            }

            return existing with { Environments = environments };

            void Conflict(bool differs, string key, object? inFile, object? inList)
            {
                if (differs)
                {
                    diagnostics.Error(DiagnosticCodes.ImportEnvironmentConflict, bundle.At,
                        $"{subject}: kwargs.{key} is {KwargValues.Show(inList)} in the list for '{environment.Name}' but {KwargValues.Show(inFile)} in {draft.Path}",
                        hint);
                }
            }
        }

        private TeamDraft? Draft(string team, ImportedBundle bundle, bool replace)
        {
            if (_drafts.TryGetValue(team, out var draft))
            {
                return draft;
            }

            if (_refused.Contains(team))
            {
                return null;
            }

            var path = $"{PlatformLoader.TeamsDir}/{team}.yaml";
            var existing = sources.Teams.FirstOrDefault(t => t.Path == path);

            if (existing is not null && replace && !options.Force)
            {
                _refused.Add(team);
                diagnostics.Error(DiagnosticCodes.ImportTeamFileExists, bundle.At,
                    $"{bundle.Path} (bundle '{bundle.Name}') belongs to team '{team}', and {path} already exists",
                    "pass --force to replace it (its owners and description are kept), or --environment NAME to add this list's environment to it");
                return null;
            }

            draft = new TeamDraft(team, existing);
            if (existing is not null && replace)
            {
                draft.Bundles.Clear();
            }

            _drafts[team] = draft;
            return draft;
        }

        /// <summary>A new bundle holding <paramref name="atBundleLevel"/> where the platform would not give the same value anyway.</summary>
        private BundleSpec NewBundle(ImportedBundle bundle, IEnumerable<BundleSetting> atBundleLevel)
        {
            var defaultHost = config.Policy.RepoHosts.Count > 0 ? config.Policy.RepoHosts[0] : PolicySettings.DefaultHost;
            var repo = bundle.Repo.Host == defaultHost && bundle.Repo.Owner == config.GitHub.Org ? bundle.Repo.Name : bundle.Repo.Url;
            if (bundle.Repo.Url != bundle.RepoUrl)
            {
                diagnostics.Warning(DiagnosticCodes.ImportNormalised, bundle.At,
                    $"{bundle.Path} (bundle '{bundle.Name}'): repo_url {Display.Quote(bundle.RepoUrl)} will be compiled as {Display.Quote(bundle.Repo.Url)}",
                    "both name the same repository; the compiled list always uses the https://host/owner/repo.git form");
            }

            var settings = BundleSettings.None;
            foreach (var setting in atBundleLevel)
            {
                settings = settings.With(setting, BundleLevel(bundle, setting));
            }

            return new BundleSpec(bundle.Name, repo, settings);
        }

        /// <summary>A bundle-level value, or null when every target environment gets it from the platform anyway.</summary>
        private object? BundleLevel(ImportedBundle bundle, BundleSetting setting)
        {
            var value = bundle.Settings[setting];
            var platform = targets.Select(e => (e.Name, Value: e.Settings.Over(Defaults)[setting])).ToArray();
            if (platform.All(p => KwargValues.Same(p.Value, value)))
            {
                return null;
            }

            if (value is null)
            {
                Unsettable(bundle, setting, platform.Where(p => p.Value is not null).Select(p => (p.Name, p.Value!)));
            }

            return value;
        }

        /// <summary>The overrides for one environment on top of the bundle's own settings, or null after an error.</summary>
        private BundleSettings? Override(ImportedBundle bundle, BundleSettings bundleLevel, EnvironmentSettings environment)
        {
            var resolved = bundleLevel.Over(environment.Settings).Over(Defaults);
            var errors = diagnostics.ErrorCount;
            var result = BundleSettings.None;
            foreach (var setting in Cascading)
            {
                var value = bundle.Settings[setting];
                if (KwargValues.Same(value, resolved[setting]))
                {
                    continue;
                }

                if (value is null)
                {
                    Unsettable(bundle, setting, [(environment.Name, resolved[setting]!)]);
                }

                result = result.With(setting, value);
            }

            return diagnostics.ErrorCount > errors ? null : result;
        }

        private void Unsettable(ImportedBundle bundle, BundleSetting setting, IEnumerable<(string Environment, object Value)> given)
        {
            var list = given.ToArray();
            var platformKey = setting.Cascades ? $"{setting.Key} from airflow.defaults and the environments in onboarding.yaml" : $"airflow.{setting.Key} from onboarding.yaml";
            diagnostics.Error(DiagnosticCodes.ImportNotRoundTrippable, bundle.At,
                $"{bundle.Path} (bundle '{bundle.Name}') has no {setting.Kwarg}, but onboarding.yaml gives every bundle {setting.Key} {KwargValues.Show(list[0].Value)} in environment(s) {string.Join(", ", list.Select(l => l.Environment))}, and a team file cannot unset it",
                $"add \"{setting.Kwarg}\" to the bundle's kwargs in the list (Airflow's own default for it: {setting.AirflowDefault}), or remove {platformKey}");
        }
    }
}
