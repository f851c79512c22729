namespace Onboarding.Core.Loading;

/// <summary>Reads onboarding.yaml into a <see cref="PlatformConfig"/>, applying the documented defaults.</summary>
public static class PlatformConfigLoader
{
    public const string FileName = "onboarding.yaml";

    public static PlatformConfig? Load(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        var root = SafeYamlReader.Read(bytes, file, diagnostics);
        return root is null ? null : Bind(root, file, diagnostics);
    }

    public static PlatformConfig? Bind(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(root, "", diagnostics, PlatformFileSchema.Root);
        if (reader is null || !SchemaVersion.Check(reader))
        {
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var github = ReadGitHub(reader);
        var airflow = ReadAirflow(reader);
        var environments = ReadEnvironments(reader);
        var outputs = ReadOutputs(reader);
        var policy = ReadPolicy(reader, github?.Org);
        var pipelines = Pipelines.PipelinePolicyReader.Read(reader);

        CheckClasspath(reader, airflow, policy);
        if (github is null || airflow is null || environments is null || diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new PlatformConfig(file, github, airflow, environments, outputs, policy, reader.Node) { Pipelines = pipelines };
    }

    /// <summary>The bundle class is the platform's decision: Airflow imports it at start-up, so only GitDagBundle or a class the policy lists.</summary>
    private static void CheckClasspath(MappingReader platform, AirflowSettings? airflow, PolicySettings policy)
    {
        if (airflow is null || airflow.Classpath == AirflowSettings.GitDagBundleClasspath || policy.AllowedClasspaths.Contains(airflow.Classpath))
        {
            return;
        }

        var at = (platform.Entry("airflow")?.Value as YamlMapping)?.Find("classpath")?.Value.Location ?? platform.At;
        platform.ErrorAt("airflow.classpath", DiagnosticCodes.ClasspathNotAllowed, at,
            $"value {Display.Quote(airflow.Classpath)} is not a bundle class this platform allows: every Airflow component imports it at start-up",
            $"remove airflow.classpath to use {AirflowSettings.GitDagBundleClasspath}, or list the class under policy.allowed_classpaths");
    }

    private static GitHubSettings? ReadGitHub(MappingReader platform)
    {
        var github = platform.Mapping("github", PlatformFileSchema.GitHub);
        if (github is null)
        {
            return null;
        }

        var org = github.Name("org", NameRules.Org(), "use the organisation's login as in its URL: ASCII letters, digits and '-', at most 39 characters");
        var template = github.Text("template_repo", maxLength: 100);
        if (template is { } t && !NameRules.IsRepoName(t.Value))
        {
            github.ErrorAt("github.template_repo", DiagnosticCodes.InvalidRepo, t.At,
                $"value {Display.Quote(t.Value)} is not a repository name",
                "give the name of a template repository in github.org, e.g. airflow-team-template");
            template = null;
        }

        var visibility = Choice(github, "visibility", PlatformFileSchema.Visibilities) ?? "private";
        var label = github.Name("approval_label", NameRules.Label(), "use a GitHub label name: 1-50 characters, no commas, no leading or trailing spaces");
        var permission = Choice(github, "approver_permission", PlatformFileSchema.ApproverPermissions) ?? "maintain";
        return org is null ? null : new GitHubSettings(org.Value.Value, template?.Value, visibility, label?.Value ?? GitHubSettings.DefaultApprovalLabel, permission);
    }

    private static AirflowSettings? ReadAirflow(MappingReader platform)
    {
        var airflow = platform.Mapping("airflow", PlatformFileSchema.Airflow);
        if (airflow is null)
        {
            return null;
        }

        var versionText = airflow.Name("version", NameRules.AirflowVersion(), "write the Airflow 3 minor version in quotes, e.g. \"3.2\"");
        AirflowVersion version = default;
        if (versionText is { } v && !AirflowVersion.TryParse(v.Value, out version))
        {
            airflow.ErrorAt("airflow.version", DiagnosticCodes.UnsupportedAirflowVersion, v.At,
                $"value {Display.Quote(v.Value)} is not a version", "write it as \"3.2\"");
            versionText = null;
        }

        var multiTeam = airflow.Boolean("multi_team");
        if (multiTeam is { Value: true } mt && versionText is not null && version < AirflowVersion.V32)
        {
            airflow.ErrorAt("airflow.multi_team", DiagnosticCodes.MultiTeamNeedsNewerAirflow, mt.At,
                $"needs Airflow 3.2 or later, but 'airflow.version' is {version}",
                "Airflow 3.0 and 3.1 reject any bundle key besides name, classpath and kwargs: set multi_team: false or raise airflow.version");
        }

        var classpath = airflow.Name("classpath", NameRules.Classpath(), "give a dotted Python import path, e.g. airflow.providers.git.bundles.git.GitDagBundle");
        var defaults = airflow.Mapping("defaults", PlatformFileSchema.Defaults);
        var settings = (defaults is null ? BundleSettings.None : SettingsReader.Read(defaults, SettingPlaces.PlatformDefaults))
            .Over(SettingsReader.Read(airflow, SettingPlaces.Airflow));

        return versionText is null
            ? null
            : new AirflowSettings(version, multiTeam?.Value ?? false, classpath?.Value ?? AirflowSettings.GitDagBundleClasspath, settings);
    }

    private static List<EnvironmentSettings>? ReadEnvironments(MappingReader platform)
    {
        var entry = platform.Entry("environments");
        var environments = platform.Mapping("environments", knownKeys: [.. entry?.Value is YamlMapping m ? m.Entries.Select(e => e.Key.Value) : []]);
        if (environments is null)
        {
            return null;
        }

        if (environments.Node.Entries.Count == 0)
        {
            platform.ErrorAt("environments", DiagnosticCodes.NoEnvironments, environments.At,
                "lists no environment", "add at least one, e.g. 'prod: {}'");
            return null;
        }

        var list = new List<EnvironmentSettings>();
        foreach (var env in environments.Node.Entries)
        {
            var key = new Located<string>(env.Key.Value, env.Key.Location);
            if (!environments.Matches(key, NameRules.EnvironmentName(), $"environments.{env.Key.Value}",
                    "name environments with 1-31 lowercase ASCII letters, digits, '-' or '_', starting with a letter"))
            {
                continue;
            }

            var settings = environments.Mapping(env.Key.Value, PlatformFileSchema.Environment);
            if (settings is not null)
            {
                var allowEmpty = settings.Boolean("allow_empty");
                list.Add(new EnvironmentSettings(env.Key.Value, SettingsReader.Read(settings, SettingPlaces.PlatformEnvironment), allowEmpty?.Value ?? false, env.Key.Location)
                {
                    Formats = ReadFormats(settings),
                });
            }
        }

        return list;
    }

    /// <summary>Folders compile must never write into: what it reads, what git or GitHub own, and the root itself.</summary>
    private static readonly string[] ProtectedFolders = [".git", ".github", PlatformLoader.TeamsDir, "schemas", "templates"];

    private static string? ProtectedFolder(string dir)
    {
        var first = dir.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(part => part != ".");
        if (first is null)
        {
            return "the repository's root";
        }

        return ProtectedFolders.FirstOrDefault(folder => string.Equals(folder, first, StringComparison.OrdinalIgnoreCase)) is { } taken
            ? $"inside {taken}/, which the tool reads or git and GitHub own"
            : null;
    }

    private static OutputSettings ReadOutputs(MappingReader platform)
    {
        var outputs = platform.Mapping("outputs", PlatformFileSchema.Outputs);
        if (outputs is null)
        {
            return new OutputSettings(OutputSettings.DefaultDir, OutputSettings.DefaultFormats);
        }

        var dir = SettingsReader.Folder(outputs, "dir");
        if (dir is { } d && ProtectedFolder(d.Value) is { } taken)
        {
            outputs.ErrorAt("outputs.dir", DiagnosticCodes.InvalidOutputs, d.At,
                $"value {Display.Quote(d.Value)} is {taken}: compile writes and deletes files in the output folder",
                $"use a folder of its own, such as '{OutputSettings.DefaultDir}'");
            dir = null;
        }

        return new OutputSettings(dir?.Value.TrimEnd('/') ?? OutputSettings.DefaultDir, ReadFormats(outputs) ?? OutputSettings.DefaultFormats);
    }

    /// <summary><c>formats</c> of outputs or of one environment, in the order of <see cref="OutputSettings.AllFormats"/>; null when absent.</summary>
    private static IReadOnlyList<string>? ReadFormats(MappingReader reader)
    {
        var formats = reader.StringList("formats", check: (value, path) =>
        {
            if (OutputSettings.AllFormats.Contains(value.Value))
            {
                return true;
            }

            reader.ErrorAt(path, DiagnosticCodes.NotAllowedValue, value.At,
                $"value {Display.Quote(value.Value)} is not an output format", $"use any of: {string.Join(", ", OutputSettings.AllFormats)}");
            return false;
        });

        if (formats is not null && !formats.Any(f => f.Value == OutputSettings.Json))
        {
            reader.ErrorAt(reader.KeyPath("formats"), DiagnosticCodes.InvalidOutputs, reader.ValueAt("formats"),
                "must include json", "add json: the JSON list is what every other format is made from");
        }

        return formats is null ? null : [.. OutputSettings.AllFormats.Where(f => formats.Any(x => x.Value == f))];
    }

    private static PolicySettings ReadPolicy(MappingReader platform, string? org)
    {
        var policy = platform.Mapping("policy", PlatformFileSchema.Policy);
        var hosts = policy?.StringList("repo_hosts", check: (value, path) => policy.Matches(value, HostRules.Host(), path,
            "give a host name such as github.com or github.example.com: ASCII, no scheme, port or path"));
        var owners = policy?.StringList("repo_owners", check: (value, path) => policy.Matches(value, NameRules.Org(), path,
            "give a GitHub organisation or user login"));
        var reserved = policy?.StringList("reserved_names");
        var classpaths = policy?.StringList("allowed_classpaths", check: (value, path) => policy.Matches(value, NameRules.Classpath(), path,
            "give a dotted Python import path of a bundle class"));
        return new PolicySettings(
            hosts?.Select(h => h.Value.ToLowerInvariant()).ToArray() ?? [PolicySettings.DefaultHost],
            owners?.Select(o => o.Value).ToArray() ?? (org is null ? [] : [org]),
            reserved?.Select(r => r.Value).ToArray() ?? [])
        {
            AllowedClasspaths = classpaths?.Select(c => c.Value).ToArray() ?? [],
        };
    }

    private static string? Choice(MappingReader reader, string key, IReadOnlyList<string> allowed)
    {
        var value = reader.Text(key);
        if (value is null)
        {
            return null;
        }

        if (allowed.Contains(value.Value.Value))
        {
            return value.Value.Value;
        }

        reader.ErrorAt(reader.KeyPath(key), DiagnosticCodes.NotAllowedValue, value.Value.At,
            $"value {Display.Quote(value.Value.Value)} is not allowed", $"use one of: {string.Join(", ", allowed)}");
        return null;
    }

}
