namespace Onboarding.Core.Import;

/// <summary>
/// Checks an imported <c>dag_bundle_config_list</c> item by item against what a team file can say.
/// Every problem names the bundle and its JSON path and says how to fix it; nothing is dropped.
/// </summary>
public static class BundleListReader
{
    public const string ListPath = "dag_bundle_config_list";

    public static readonly string[] ItemKeys = ["name", "classpath", "kwargs", "team_name"];

    public static IReadOnlyList<string> SupportedKwargs { get; } = [GitBundleSettings.RepoUrlKwarg, .. GitBundleSettings.All.Select(s => s.Kwarg)];

    private const string NameRule = "use 3-50 characters: lowercase ASCII letters, digits, '-' or '_', starting with a letter and ending with a letter or digit";

    public static IReadOnlyList<ImportedBundle>? Read(ListJsonNode root, PlatformConfig config, DiagnosticBag diagnostics)
    {
        if (root is not ListJsonArray list)
        {
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, root.At,
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
                diagnostics.Error(DiagnosticCodes.ImportDuplicateBundle, bundle.At,
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
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, node.At, $"{path} must be an object with name, classpath and kwargs, not {node.Kind}", "fix or remove the item");
            return null;
        }

        var nameNode = item.Find("name")?.Value;
        var name = nameNode as ListJsonString;
        var bundleLabel = name is null ? "unnamed bundle" : $"bundle {Display.Quote(name.Value)}";
        var label = $"{path} ({bundleLabel})";
        var errorsBefore = diagnostics.ErrorCount;

        foreach (var property in item.Properties.Where(p => !ItemKeys.Contains(p.Name)))
        {
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, property.At,
                $"{label}: key {Display.Quote(property.Name)} is not part of a bundle (Airflow 3.0/3.1 refuse it, 3.2 ignores it silently)",
                "remove it; a bundle has only name, classpath, kwargs and, from Airflow 3.2, team_name");
        }

        if (name is null)
        {
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, nameNode?.At ?? item.At,
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
                diagnostics.Error(DiagnosticCodes.ImportWrongShape, teamProperty.Value.At, $"{label}: team_name must be text, not {teamProperty.Value.Kind}", "write the team's name in quotes or remove team_name");
            }
        }

        var kwargsNode = item.Find("kwargs")?.Value;
        if (kwargsNode is not ListJsonObject kwargs)
        {
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, kwargsNode?.At ?? item.At,
                kwargsNode is null ? $"{label} has no 'kwargs' (Airflow requires it)" : $"{label}: kwargs must be an object, not {kwargsNode.Kind}",
                "give the GitDagBundle arguments as an object: \"kwargs\": {\"repo_url\": ..., \"tracking_ref\": ...}");
            return null;
        }

        var reader = new KwargsReader(kwargs, $"{path}.kwargs", bundleLabel, diagnostics);
        reader.CheckKeys();
        var repo = reader.Repo(config);
        var settings = BundleSettings.None;
        foreach (var setting in GitBundleSettings.All)
        {
            settings = settings.With(setting, reader.Read(setting, config.Airflow.Version));
        }

        if (name is null || repo is null || diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new ImportedBundle(index, name.Value, teamName, repo.Value.Reference, repo.Value.Raw, settings, item.At);
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
            diagnostics.Error(DiagnosticCodes.ImportWrongShape, node?.At ?? item.At,
                node is null ? $"{label} has no 'classpath' (Airflow requires it)" : $"{path}.classpath must be text, not {node.Kind}",
                $"set \"classpath\": \"{AirflowSettings.GitDagBundleClasspath}\"");
            return node is null;
        }

        diagnostics.Error(DiagnosticCodes.ImportUnsupportedClasspath, classpath.At,
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
            diagnostics.Error(DiagnosticCodes.ImportInvalidValue, value.At,
                nonAscii is null
                    ? $"{path}: {what} name {Display.Quote(value.Value)} is not valid for a team file"
                    : $"{path}: {what} name {Display.Quote(value.Value)} contains a non-ASCII character ({nonAscii})",
                $"{NameRule}; rename it in the list (and in Airflow) before importing");
            return false;
        }

        var reserved = ReservedNames.Reason(value.Value, config.Policy.ReservedNames);
        if (reserved is not null)
        {
            diagnostics.Error(DiagnosticCodes.ImportInvalidValue, value.At, $"{path}: {what} name '{value.Value}' is reserved: {reserved}", "rename it before importing");
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
                    "name" or "version" or "version_data" => ($"'{property.Name}' must not be a kwarg: Airflow passes it to the bundle itself",
                        "remove it from kwargs"),
                    _ => ($"{Display.Quote(property.Name)} is not a GitDagBundle argument onboard knows",
                        $"kwargs may hold: {string.Join(", ", SupportedKwargs)}; remove it, or rename it to one of those"),
                };
                diagnostics.Error(DiagnosticCodes.ImportUnsupportedKwarg, property.At, $"{path}.{property.Name} ({label}): {message}", hint);
            }
        }

        public (RepoReference Reference, string Raw)? Repo(PlatformConfig config)
        {
            var node = kwargs.Find("repo_url")?.Value;
            if (node is not ListJsonString url)
            {
                diagnostics.Error(DiagnosticCodes.ImportWrongShape, node?.At ?? kwargs.At,
                    node is null ? $"{path}.repo_url ({label}) is missing" : $"{path}.repo_url ({label}) must be text, not {node.Kind}",
                    "team files need the repository: add \"repo_url\": \"https://github.com/<owner>/<repo>.git\" (a URL taken from the connection cannot be imported)");
                return null;
            }

            if (!url.Value.StartsWith("https://", StringComparison.Ordinal) || !url.Value.Contains('/', StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.ImportInvalidValue, url.At,
                    $"{path}.repo_url ({label}) {Display.Quote(url.Value)} is not an https GitHub URL",
                    SshHint(url.Value));
                return null;
            }

            var reference = RepoReference.Resolve(url.Value, config, out var problem, out _);
            if (reference is null)
            {
                diagnostics.Error(DiagnosticCodes.ImportInvalidValue, url.At,
                    $"{path}.repo_url ({label}) {Display.Quote(url.Value)} {problem}",
                    "fix the URL in the list, or allow its host and owner in onboarding.yaml's policy.repo_hosts / policy.repo_owners");
                return null;
            }

            return (reference, url.Value);
        }

        /// <summary>The value of one setting, typed as a team file holds it; null when absent or refused.</summary>
        public object? Read(BundleSetting setting, AirflowVersion version)
        {
            var node = kwargs.Find(setting.Kwarg)?.Value;
            if (node is null)
            {
                if (setting.Required)
                {
                    diagnostics.Error(DiagnosticCodes.ImportWrongShape, kwargs.At, $"{path}.{setting.Kwarg} ({label}) is missing (GitDagBundle requires it)", $"add \"{setting.Kwarg}\" to its kwargs");
                }

                return null;
            }

            if (setting.Since > version)
            {
                diagnostics.Error(DiagnosticCodes.ImportUnsupportedKwarg, node.At,
                    $"{path}.{setting.Kwarg} ({label}) needs Airflow {setting.Since} or later, but onboarding.yaml sets airflow.version to \"{version}\"",
                    $"remove it from the list (Airflow {version} refuses it and skips the whole bundle), or raise airflow.version in onboarding.yaml");
                return null;
            }

            return setting.Type switch
            {
                SettingType.Text => Text(node, setting.Kwarg, setting.Rule),
                SettingType.WholeNumber => WholeNumber(node, setting),
                SettingType.Boolean => Boolean(node, setting.Kwarg),
                _ => TextList(node, setting),
            };
        }

        private string? Text(ListJsonNode node, string key, TextRule? rule)
        {
            if (node is not ListJsonString text)
            {
                diagnostics.Error(DiagnosticCodes.ImportWrongShape, node.At, $"{path}.{key} ({label}) must be text, not {node.Kind}", "write it in double quotes");
                return null;
            }

            if (rule is not null && !Valid(rule, text.Value))
            {
                diagnostics.Error(DiagnosticCodes.ImportInvalidValue, text.At, $"{path}.{key} ({label}) value {Display.Quote(text.Value)} is not valid in a team file", rule.Hint);
                return null;
            }

            return text.Value;
        }

        private int? WholeNumber(ListJsonNode node, BundleSetting setting)
        {
            if (node is ListJsonNumber number
                && int.TryParse(number.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                if (value >= setting.Minimum)
                {
                    return value;
                }

                diagnostics.Error(DiagnosticCodes.ImportInvalidValue, number.At,
                    $"{path}.{setting.Kwarg} ({label}) is {value}, below the {setting.Minimum} team files allow",
                    $"use at least {setting.Minimum}");
                return null;
            }

            diagnostics.Error(DiagnosticCodes.ImportWrongShape, node.At,
                $"{path}.{setting.Kwarg} ({label}) must be a whole number, not {node.Kind}",
                "write digits without quotes or a decimal point, e.g. 300");
            return null;
        }

        private bool? Boolean(ListJsonNode node, string key)
        {
            if (node is ListJsonBoolean b)
            {
                return b.Value;
            }

            diagnostics.Error(DiagnosticCodes.ImportWrongShape, node.At,
                $"{path}.{key} ({label}) must be true or false, not {node.Kind}",
                node is ListJsonString ? "Python reads any non-empty text, even \"false\", as true: write true or false without quotes" : "write true or false");
            return null;
        }

        private string[]? TextList(ListJsonNode node, BundleSetting setting)
        {
            if (node is not ListJsonArray list)
            {
                diagnostics.Error(DiagnosticCodes.ImportWrongShape, node.At, $"{path}.{setting.Kwarg} ({label}) must be a list, not {node.Kind}", "write it as a JSON list such as [\"dags\", \"common\"]");
                return null;
            }

            var items = new List<string>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is ListJsonString item && (setting.Rule is null || Valid(setting.Rule, item.Value)))
                {
                    items.Add(item.Value);
                    continue;
                }

                diagnostics.Error(list.Items[i] is ListJsonString ? DiagnosticCodes.ImportInvalidValue : DiagnosticCodes.ImportWrongShape, list.Items[i].At,
                    list.Items[i] is ListJsonString text
                        ? $"{path}.{setting.Kwarg}[{i}] ({label}) value {Display.Quote(text.Value)} is not valid in a team file"
                        : $"{path}.{setting.Kwarg}[{i}] ({label}) must be text, not {list.Items[i].Kind}",
                    setting.Rule?.Hint ?? "write each item in double quotes");
            }

            return items.Count == list.Items.Count ? [.. items] : null;
        }

        private static bool Valid(TextRule rule, string value) => value.Length <= rule.MaxLength && rule.IsValid(value);

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
