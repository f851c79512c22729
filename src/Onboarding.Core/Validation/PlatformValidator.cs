namespace Onboarding.Core.Validation;

/// <summary>
/// The rules that span more than one key or file: file name = team name, bundle names unique across
/// all teams, reserved names, known environments and the repository policy.
/// Returns each bundle's vetted repository, keyed by the bundle spec.
/// </summary>
public static class PlatformValidator
{
    /// <summary>Suggests only names the team-name pattern accepts: a fix that fails the next check is no fix.</summary>
    private static string FileNameMismatchHint(string name, string expectedFile, string stem)
    {
        var nameIsValid = NameRules.TeamName().IsMatch(name);
        var stemIsValid = NameRules.TeamName().IsMatch(stem);
        return (nameIsValid, stemIsValid) switch
        {
            (true, true) => $"rename the file to {expectedFile} or change 'name' to '{stem}'",
            (true, false) => $"rename the file to {expectedFile}",
            (false, true) => $"change 'name' to '{stem}'",
            _ => $"choose a team name of 3-50 lowercase ASCII letters, digits, '-' or '_' (starting with a letter, not ending in '-' or '_'), write it in 'name' and name the file {PlatformLoader.TeamsDir}/<name>.yaml",
        };
    }

    public static Dictionary<BundleSpec, RepoReference> Validate(PlatformConfig config, IReadOnlyList<TeamFile> teams, DiagnosticBag diagnostics)
    {
        SettingVersions.Check(config, diagnostics);
        var ordered = teams.OrderBy(t => t.Path, StringComparer.Ordinal).ToArray();

        // What each file allows on its own is checked file by file, on both cores for a large platform; the
        // findings are sorted when reported, so the order the files are checked in does not show.
        var resolved = new RepoReference?[ordered.Length][];
        void CheckTeam(int t) => resolved[t] = CheckTeamFile(ordered[t], config, diagnostics);
        if (ordered.Length < PlatformLoader.ParallelThreshold)
        {
            for (var t = 0; t < ordered.Length; t++)
            {
                CheckTeam(t);
            }
        }
        else
        {
            Parallel.For(0, ordered.Length, CheckTeam);
        }

        // Bundle names across files, in file order: the first file to use a name keeps it.
        var repos = new Dictionary<BundleSpec, RepoReference>(ReferenceEqualityComparer.Instance);
        var bundleOwners = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        for (var t = 0; t < ordered.Length; t++)
        {
            var bundles = ordered[t].Bundles;
            for (var i = 0; i < bundles.Count; i++)
            {
                var bundle = bundles[i];
                if (bundleOwners.TryGetValue(bundle.Name, out var first))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.DuplicateBundle, bundle.At.Name,
                        $"bundle '{bundle.Name}' is already defined in {first}",
                        "bundle names are unique across all teams (ignoring case): choose another name")
                    {
                        KeyPath = $"bundles[{i}].name",
                        Phrase = $"value '{bundle.Name}' is already the name of a bundle in {first}",
                        Related = first,
                    });
                }
                else
                {
                    bundleOwners[bundle.Name] = bundle.At.Name;
                }

                if (resolved[t][i] is { } repo)
                {
                    repos[bundle] = repo;
                }
            }
        }

        return repos;
    }

    /// <summary>The checks of one team file that need no other file; returns each bundle's vetted repository (null where refused).</summary>
    private static RepoReference?[] CheckTeamFile(TeamFile team, PlatformConfig config, DiagnosticBag diagnostics)
    {
        var nameAt = team.NameAt;
        var expectedFile = $"{PlatformLoader.TeamsDir}/{team.Name}.yaml";
        if (team.Path != expectedFile)
        {
            diagnostics.ErrorIn("name", DiagnosticCodes.FileNameMismatch, nameAt,
                $"team {Display.Quote(team.Name)} is defined in {team.Path}, but a team file must be named after its team",
                FileNameMismatchHint(team.Name, expectedFile, Path.GetFileNameWithoutExtension(team.Path)));
        }

        CheckReserved(team.Name, "team", "name", nameAt, config, diagnostics);
        var repos = new RepoReference?[team.Bundles.Count];
        for (var i = 0; i < team.Bundles.Count; i++)
        {
            var bundle = team.Bundles[i];

            // One key path per bundle, built once: the checks name it only in their findings.
            var path = $"bundles[{i}]";
            CheckReserved(bundle.Name, "bundle", path, bundle.At.Name, config, diagnostics, ".name");
            CheckEnvironments(bundle, path, config, diagnostics);
            SettingVersions.Check(bundle, path, config.Airflow.Version, diagnostics);
            CheckPruneWithSubmodules(bundle, path, diagnostics);

            repos[i] = RepoReference.Resolve(bundle.Repo, config, out var problem, out var code);
            if (repos[i] is null)
            {
                diagnostics.ErrorAt($"{path}.repo", code!, bundle.At.Repo, $"value {Display.Quote(bundle.Repo)} {problem}",
                    $"use a repository name in {config.GitHub.Org} (e.g. airflow-{team.Name}) or an allowed https URL");
            }
        }

        return repos;
    }

    /// <param name="keyPath">The key path of the name, or of its mapping when <paramref name="key"/> follows.</param>
    private static void CheckReserved(string name, string what, string keyPath, SourceLocation at, PlatformConfig config, DiagnosticBag diagnostics, string key = "")
    {
        var reason = ReservedNames.Reason(name, config.Policy.ReservedNames);
        if (reason is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DiagnosticCodes.ReservedName, at, $"{what} name '{name}' is reserved: {reason}", "choose another name")
            {
                KeyPath = keyPath + key,
                Phrase = $"value '{name}' is reserved: {reason}",
            });
        }
    }

    /// <summary>GitDagBundle turns pruning off when it checks out submodules, so asking for both is a mistake worth a word.</summary>
    private static void CheckPruneWithSubmodules(BundleSpec bundle, string path, DiagnosticBag diagnostics)
    {
        if (bundle.Settings.Boolean(GitBundleSettings.Submodules) == true && bundle.Settings.Boolean(GitBundleSettings.PruneDotgitFolder) == true)
        {
            diagnostics.Warning(DiagnosticCodes.SettingWithoutEffect, bundle.Settings.At(GitBundleSettings.PruneDotgitFolder) ?? bundle.At.Name,
                $"'{path}.prune_dotgit_folder' has no effect: GitDagBundle keeps the .git folder when submodules is true",
                "remove prune_dotgit_folder, or set submodules: false if the bundle needs no submodules");
        }
    }

    private static void CheckEnvironments(BundleSpec bundle, string path, PlatformConfig config, DiagnosticBag diagnostics)
    {
        if (bundle.Environments is null)
        {
            return;
        }

        if (bundle.Environments.Count == 0)
        {
            diagnostics.Warning(DiagnosticCodes.BundleInNoEnvironment, bundle.At.Environments ?? bundle.At.Name,
                $"bundle '{bundle.Name}' lists no environment, so no environment will load it",
                "list the environments it belongs to, or remove 'environments' to enable it everywhere");
        }

        foreach (var env in bundle.Environments)
        {
            if (config.FindEnvironment(env.Name) is null)
            {
                diagnostics.ErrorAt($"{path}.environments", DiagnosticCodes.UnknownEnvironment, env.At,
                    $"names unknown environment {Display.Quote(env.Name)}",
                    $"use one of the environments in onboarding.yaml: {string.Join(", ", config.Environments.Select(e => e.Name))}");
            }
        }
    }
}
