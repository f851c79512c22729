using System.Globalization;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Model;
using Onboarding.Core.Validation;

namespace Onboarding.Core.Import;

/// <summary>
/// Checks an imported <c>dag_bundle_config_list</c> item by item against what a team file can say.
/// Every problem names the bundle and its JSON path and says how to fix it; nothing is dropped.
/// </summary>
internal static class BundleListReader
{
    public const string ListPath = "dag_bundle_config_list";

    public static readonly string[] ItemKeys = ["name", "classpath", "kwargs", "team_name"];

    public static readonly string[] SupportedKwargs = ["repo_url", "tracking_ref", "subdir", "git_conn_id", "refresh_interval", "submodules", "sparse_dirs"];

    private const string NameRule = "use 3-50 characters: lowercase ASCII letters, digits, '-' or '_', starting with a letter and ending with a letter or digit";

    public static IReadOnlyList<ImportedBundle>? Read(ListJsonNode root, PlatformConfig config, DiagnosticBag diagnostics)
    {
        if (root is not ListJsonArray list)
        {
            diagnostics.Error(ImportCodes.WrongShape, root.At,
                $"{ListPath} must be a JSON list of bundles, not {root.Kind}", "write it as [ {\"name\": ..., \"classpath\": ..., \"kwargs\": {...}}, ... ]");
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var bundles = new List<ImportedBundle>();
        var names = new Dictionary<string, ImportedBundle>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var bundle = ReadItem(list.Items[i], i, config, diagnostics);
            if (bundle is null)
            {
                continue;
            }

            if (names.TryGetValue(bundle.Name, out var first))
            {
                diagnostics.Error(ImportCodes.DuplicateBundle, bundle.At,
                    $"{bundle.Path} (bundle '{bundle.Name}'): bundle name '{bundle.Name}' is already used by {first.Path} (line {first.At.Line})",
                    first.Name == bundle.Name
                        ? "Airflow refuses a list with duplicate names: remove or rename one"
                        : "bundle names must be unique ignoring case (they become folder names): rename one");
                continue;
            }

            names[bundle.Name] = bundle;
            bundles.Add(bundle);
        }

        return diagnostics.ErrorCount > errorsBefore ? null : bundles;
    }

    private static ImportedBundle? ReadItem(ListJsonNode node, int index, PlatformConfig config, DiagnosticBag diagnostics)
    {
        var path = $"{ListPath}[{index}]";
        if (node is not ListJsonObject item)
        {
            diagnostics.Error(ImportCodes.WrongShape, node.At, $"{path} must be an object with name, classpath and kwargs, not {node.Kind}", "fix or remove the item");
            return null;
        }

        var nameNode = item.Find("name")?.Value;
        var name = nameNode as ListJsonString;
        var bundleLabel = name is null ? "unnamed bundle" : $"bundle {Display.Quote(name.Value)}";
        var label = $"{path} ({bundleLabel})";
        var errorsBefore = diagnostics.ErrorCount;

        foreach (var property in item.Properties.Where(p => !ItemKeys.Contains(p.Name)))
        {
            diagnostics.Error(ImportCodes.WrongShape, property.At,
                $"{label}: key {Display.Quote(property.Name)} is not part of a bundle (Airflow 3.0/3.1 refuse it, 3.2 ignores it silently)",
                "remove it; a bundle has only name, classpath, kwargs and, from Airflow 3.2, team_name");
        }

        if (name is null)
        {
            diagnostics.Error(ImportCodes.WrongShape, nameNode?.At ?? item.At,
                nameNode is null ? $"{path} has no 'name'" : $"{path}.name must be text, not {nameNode.Kind}", "give every bundle a name");
        }
        else
        {
            CheckName(name, $"{path}.name", "bundle", config, diagnostics);
        }

        if (!ReadClasspath(item, path, label, diagnostics))
        {
            // The kwargs belong to another bundle type: checking them against GitDagBundle's would only add noise.
            return null;
        }

        string? teamName = null;
        if (item.Find("team_name") is { } teamProperty)
        {
            if (teamProperty.Value is ListJsonString team)
            {
                teamName = CheckName(team, $"{path}.team_name", "team", config, diagnostics) ? team.Value : null;
            }
            else
            {
                diagnostics.Error(ImportCodes.WrongShape, teamProperty.Value.At, $"{label}: team_name must be text, not {teamProperty.Value.Kind}", "write the team's name in quotes or remove team_name");
            }
        }

        var kwargsNode = item.Find("kwargs")?.Value;
        if (kwargsNode is not ListJsonObject kwargs)
        {
            diagnostics.Error(ImportCodes.WrongShape, kwargsNode?.At ?? item.At,
                kwargsNode is null ? $"{label} has no 'kwargs' (Airflow requires it)" : $"{label}: kwargs must be an object, not {kwargsNode.Kind}",
                "give the GitDagBundle arguments as an object: \"kwargs\": {\"repo_url\": ..., \"tracking_ref\": ...}");
            return null;
        }

        var reader = new KwargsReader(kwargs, $"{path}.kwargs", bundleLabel, diagnostics);
        reader.CheckKeys();
        var repo = reader.Repo(config);
        var trackingRef = reader.Text("tracking_ref", required: true, NameRules.IsGitRef,
            "use a branch, tag or commit such as 'main' or 'release/2025-01': ASCII, no spaces, no leading '-', no '..'");
        var subdir = reader.Text("subdir", required: false, NameRules.IsRelativeFolder,
            "use a relative folder such as 'dags' or 'src/dags': no leading '/' or '-', no '..', ASCII only");
        var connId = reader.Text("git_conn_id", required: false, v => NameRules.ConnId().IsMatch(v),
            "use an Airflow connection id: ASCII letters, digits, '_', '.' or '-'");
        var refresh = reader.RefreshInterval();
        var submodules = reader.Boolean("submodules");
        var sparse = reader.Folders("sparse_dirs");

        if (name is null || repo is null || trackingRef is null || diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new ImportedBundle(index, name.Value, teamName, repo.Value.Reference, repo.Value.Raw, trackingRef, subdir, refresh, connId, submodules, sparse, item.At);
    }

    private static bool ReadClasspath(ListJsonObject item, string path, string label, DiagnosticBag diagnostics)
    {
        var node = item.Find("classpath")?.Value;
        if (node is ListJsonString { Value: AirflowSettings.GitDagBundleClasspath })
        {
            return true;
        }

        if (node is not ListJsonString classpath)
        {
            diagnostics.Error(ImportCodes.WrongShape, node?.At ?? item.At,
                node is null ? $"{label} has no 'classpath' (Airflow requires it)" : $"{path}.classpath must be text, not {node.Kind}",
                $"set \"classpath\": \"{AirflowSettings.GitDagBundleClasspath}\"");
            return node is null;
        }

        diagnostics.Error(ImportCodes.UnsupportedClasspath, classpath.At,
            $"{label}: classpath {Display.Quote(classpath.Value)} is not {AirflowSettings.GitDagBundleClasspath}, the only bundle type team files describe",
            classpath.Value.EndsWith(".GitDagBundle", StringComparison.Ordinal)
                ? $"the Git bundle now lives at {AirflowSettings.GitDagBundleClasspath}: change the classpath and import again"
                : "the compiled list replaces the whole setting, so this bundle would disappear from Airflow: move its DAGs into a Git repository, or keep this list out of onboard");
        return false;
    }

    private static bool CheckName(ListJsonString value, string path, string what, PlatformConfig config, DiagnosticBag diagnostics)
    {
        if (!NameRules.TeamName().IsMatch(value.Value))
        {
            var nonAscii = Display.FirstNonAscii(value.Value);
            diagnostics.Error(ImportCodes.InvalidValue, value.At,
                nonAscii is null
                    ? $"{path}: {what} name {Display.Quote(value.Value)} is not valid for a team file"
                    : $"{path}: {what} name {Display.Quote(value.Value)} contains a non-ASCII character ({nonAscii})",
                $"{NameRule}; rename it in the list (and in Airflow) before importing");
            return false;
        }

        var reserved = ReservedNames.Reason(value.Value, config.Policy.ReservedNames);
        if (reserved is not null)
        {
            diagnostics.Error(ImportCodes.InvalidValue, value.At, $"{path}: {what} name '{value.Value}' is reserved: {reserved}", "rename it before importing");
            return false;
        }

        return true;
    }

    /// <summary>Typed reads of one kwargs object; each problem names the bundle and the full JSON path.</summary>
    private sealed class KwargsReader(ListJsonObject kwargs, string path, string label, DiagnosticBag diagnostics)
    {
        public void CheckKeys()
        {
            foreach (var property in kwargs.Properties.Where(p => !SupportedKwargs.Contains(p.Name)))
            {
                var (message, hint) = property.Name switch
                {
                    "prune_dotgit_folder" => ("prune_dotgit_folder cannot be set in a team file",
                        "remove it from the list (GitDagBundle then uses its default) and import again"),
                    "view_url_template" => ("view_url_template cannot be set in a team file",
                        "remove it from the list (the Airflow UI then links no source view) and import again"),
                    "name" or "version" or "version_data" => ($"'{property.Name}' must not be a kwarg: Airflow passes it to the bundle itself",
                        "remove it from kwargs"),
                    _ => ($"{Display.Quote(property.Name)} is not a GitDagBundle argument onboard knows",
                        $"kwargs may hold: {string.Join(", ", SupportedKwargs)}; remove or rename it"),
                };
                diagnostics.Error(ImportCodes.UnsupportedKwarg, property.At, $"{path}.{property.Name} ({label}): {message}", hint);
            }
        }

        public (RepoReference Reference, string Raw)? Repo(PlatformConfig config)
        {
            var node = kwargs.Find("repo_url")?.Value;
            if (node is not ListJsonString url)
            {
                diagnostics.Error(ImportCodes.WrongShape, node?.At ?? kwargs.At,
                    node is null ? $"{path}.repo_url ({label}) is missing" : $"{path}.repo_url ({label}) must be text, not {node.Kind}",
                    "team files need the repository: add \"repo_url\": \"https://github.com/<owner>/<repo>.git\" (a URL taken from the connection cannot be imported)");
                return null;
            }

            if (!url.Value.StartsWith("https://", StringComparison.Ordinal) || !url.Value.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Error(ImportCodes.InvalidValue, url.At,
                    $"{path}.repo_url ({label}) {Display.Quote(url.Value)} is not an https GitHub URL",
                    SshHint(url.Value));
                return null;
            }

            var reference = RepoReference.Resolve(url.Value, config, out var problem, out _);
            if (reference is null)
            {
                diagnostics.Error(ImportCodes.InvalidValue, url.At,
                    $"{path}.repo_url ({label}) {Display.Quote(url.Value)} {problem}",
                    "fix the URL in the list, or allow its host and owner in onboarding.yaml's policy.repo_hosts / policy.repo_owners");
                return null;
            }

            return (reference, url.Value);
        }

        public string? Text(string key, bool required, Func<string, bool> valid, string rule)
        {
            var node = kwargs.Find(key)?.Value;
            if (node is null)
            {
                if (required)
                {
                    diagnostics.Error(ImportCodes.WrongShape, kwargs.At, $"{path}.{key} ({label}) is missing (GitDagBundle requires it)", $"add \"{key}\" to its kwargs");
                }

                return null;
            }

            if (node is not ListJsonString text)
            {
                diagnostics.Error(ImportCodes.WrongShape, node.At, $"{path}.{key} ({label}) must be text, not {node.Kind}", "write it in double quotes");
                return null;
            }

            if (!valid(text.Value))
            {
                diagnostics.Error(ImportCodes.InvalidValue, text.At, $"{path}.{key} ({label}) value {Display.Quote(text.Value)} is not valid in a team file", rule);
                return null;
            }

            return text.Value;
        }

        public int? RefreshInterval()
        {
            var node = kwargs.Find("refresh_interval")?.Value;
            if (node is null)
            {
                return null;
            }

            if (node is ListJsonNumber number
                && int.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                if (value >= SettingsReader.MinimumRefreshInterval)
                {
                    return value;
                }

                diagnostics.Error(ImportCodes.InvalidValue, number.At,
                    $"{path}.refresh_interval ({label}) is {value}, below the {SettingsReader.MinimumRefreshInterval} seconds team files allow",
                    $"use at least {SettingsReader.MinimumRefreshInterval} (each refresh is a git fetch per component)");
                return null;
            }

            diagnostics.Error(ImportCodes.WrongShape, node.At,
                $"{path}.refresh_interval ({label}) must be a whole number of seconds, not {node.Kind}",
                "write digits without quotes or a decimal point, e.g. 300");
            return null;
        }

        public bool? Boolean(string key)
        {
            var node = kwargs.Find(key)?.Value;
            switch (node)
            {
                case null:
                    return null;
                case ListJsonBoolean b:
                    return b.Value;
                default:
                    diagnostics.Error(ImportCodes.WrongShape, node.At,
                        $"{path}.{key} ({label}) must be true or false, not {node.Kind}",
                        node is ListJsonString ? "Python reads any non-empty text, even \"false\", as true: write true or false without quotes" : "write true or false");
                    return null;
            }
        }

        public List<string>? Folders(string key)
        {
            var node = kwargs.Find(key)?.Value;
            if (node is null)
            {
                return null;
            }

            if (node is not ListJsonArray list)
            {
                diagnostics.Error(ImportCodes.WrongShape, node.At, $"{path}.{key} ({label}) must be a list of folders, not {node.Kind}", "write it as [\"dags\", \"common\"]");
                return null;
            }

            var folders = new List<string>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is ListJsonString folder && NameRules.IsRelativeFolder(folder.Value))
                {
                    folders.Add(folder.Value);
                    continue;
                }

                diagnostics.Error(list.Items[i] is ListJsonString ? ImportCodes.InvalidValue : ImportCodes.WrongShape, list.Items[i].At,
                    $"{path}.{key}[{i}] ({label}) must be a relative folder, not {list.Items[i].Kind}",
                    "use relative folders such as 'dags': no leading '/' or '-', no '..', ASCII only");
            }

            return folders.Count == list.Items.Count ? folders : null;
        }

        private static string SshHint(string url)
        {
            const string SshPrefix = "git@github.com:";
            if (url.StartsWith(SshPrefix, StringComparison.Ordinal))
            {
                var rest = url[SshPrefix.Length..];
                return $"team files hold https URLs only (GitDagBundle then authenticates with the connection's token): write {Display.Quote("https://github.com/" + (rest.EndsWith(".git", StringComparison.Ordinal) ? rest : rest + ".git"))} and make sure the connection holds a token";
            }

            return "write https://github.com/<owner>/<repo>.git; ssh, http, file URLs and paths cannot be imported";
        }
    }
}
