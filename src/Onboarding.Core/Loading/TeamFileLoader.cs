namespace Onboarding.Core.Loading;

/// <summary>Reads one teams/&lt;team&gt;.yaml into a <see cref="TeamFile"/>, reporting every shape problem.</summary>
public static class TeamFileLoader
{
    public const string NameRule = "use 3-50 characters: lowercase ASCII letters, digits, '-' or '_', starting with a letter and ending with a letter or digit";
    public const int MaxDescriptionLength = 500;
    public const int MaxRepoLength = 200;

    public static TeamFile? Load(ReadOnlySpan<byte> bytes, string file, DiagnosticBag diagnostics)
    {
        // Nearly every team file keeps to the plain block YAML the block scanner reads, and builds the same tree;
        // any other file, and every file with a problem, is read by SafeYamlReader, which reports it.
        var root = BlockYamlScanner.TryRead(bytes, file) ?? SafeYamlReader.Read(bytes, file, diagnostics);
        return root is null ? null : Bind(root, file, diagnostics);
    }

    public static TeamFile? Bind(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(root, "", diagnostics, TeamFileSchema.Root);
        if (reader is null || !SchemaVersion.Check(reader))
        {
            return null;
        }

        var name = reader.Name("name", NameRules.TeamName(), NameRule);
        var description = reader.Text("description", maxLength: MaxDescriptionLength);
        var owners = ReadOwners(reader);
        var bundles = ReadBundles(reader);

        // A file with shape errors still takes part in the cross-file checks when its name and
        // bundles could be read, so one run reports every problem; the compile stops on any error.
        if (name is null || bundles is null)
        {
            return null;
        }

        return new TeamFile(file, name.Value.Value, description?.Value, owners ?? new TeamOwners("", []), bundles, name.Value.At);
    }

    private static TeamOwners? ReadOwners(MappingReader team)
    {
        var owners = team.Mapping("owners", TeamFileSchema.Owners);
        if (owners is null)
        {
            return null;
        }

        var slug = owners.Name("github_team", NameRules.GitHubTeamSlug(),
            "use the team's slug as GitHub shows it in the team URL: lowercase ASCII letters, digits, '-' or '_'");
        var contacts = owners.StringList("contacts", check: (value, path) =>
            owners.Matches(value, NameRules.Email(), path, "use an e-mail address such as data-team@example.com"));
        return slug is null ? null : new TeamOwners(slug.Value.Value, contacts?.Select(c => c.Value).ToArray() ?? []);
    }

    private static List<BundleSpec>? ReadBundles(MappingReader team)
    {
        var sequence = team.Sequence("bundles");
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            team.ErrorAt("bundles", DiagnosticCodes.OutOfRange, sequence.Location,
                "is empty", "add at least one bundle with a name and a repo");
            return null;
        }

        var bundles = new List<BundleSpec>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var bundle = ReadBundle(sequence.Items[i], $"bundles[{i}]", team);
            if (bundle is not null)
            {
                bundles.Add(bundle);
            }
        }

        return bundles;
    }

    private static BundleSpec? ReadBundle(YamlNode node, string path, MappingReader team)
    {
        var reader = MappingReader.Open(node, path, team.Diagnostics, TeamFileSchema.Bundle);
        if (reader is null)
        {
            return null;
        }

        var name = reader.Name("name", NameRules.TeamName(), NameRule);
        var repo = reader.Text("repo", maxLength: MaxRepoLength);
        var settings = SettingsReader.Read(reader, SettingPlaces.Bundle);
        var environments = ReadBundleEnvironments(reader);

        if (name is null || repo is null)
        {
            return null;
        }

        return new BundleSpec(
            name.Value.Value,
            repo.Value.Value,
            settings,
            environments,
            new BundleLocations(name.Value.At, repo.Value.At, reader.Entry("environments")?.Value.Location));
    }

    private static List<BundleEnvironment>? ReadBundleEnvironments(MappingReader bundle)
    {
        var entry = bundle.Entry("environments");
        if (entry is null)
        {
            return null;
        }

        var environments = bundle.Mapping("environments", knownKeys: [.. entry.Value is YamlMapping m ? m.Entries.Select(e => e.Key.Value) : []]);
        if (environments is null)
        {
            return null;
        }

        var list = new List<BundleEnvironment>(environments.Node.Entries.Count);
        foreach (var env in environments.Node.Entries)
        {
            var overrides = environments.Mapping(env.Key.Value, TeamFileSchema.BundleEnvironment);
            if (overrides is not null)
            {
                list.Add(new BundleEnvironment(env.Key.Value, SettingsReader.Read(overrides, SettingPlaces.BundleEnvironment), env.Key.Location));
            }
        }

        return list;
    }
}
