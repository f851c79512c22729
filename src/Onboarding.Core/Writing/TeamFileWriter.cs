using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Onboarding.Core.Writing;

/// <summary>
/// Serialises a <see cref="TeamDocument"/> through YamlDotNet's emitter. A value is written plain
/// only when every YAML reader (1.1 and 1.2) reads it back as the same text; anything else, such as
/// <c>no</c>, <c>1.10</c>, <c>a: b</c> or a value with a line break, is double-quoted and escaped, so
/// user text can never add a key or change type.
/// </summary>
public static partial class TeamFileWriter
{
    public const string SchemaComment = "# yaml-language-server: $schema=../schemas/team.schema.json";

    public static string Write(TeamDocument team)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.Write(SchemaComment);
        text.Write('\n');
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Key(emitter, "schema_version");
        Number(emitter, SchemaVersion.Supported);
        Entry(emitter, "name", team.Name);
        if (team.Description is not null)
        {
            Entry(emitter, "description", team.Description);
        }

        Key(emitter, "owners");
        emitter.Emit(new MappingStart());
        Entry(emitter, "github_team", team.GitHubTeam);
        if (team.Contacts.Count > 0)
        {
            Key(emitter, "contacts");
            List(emitter, team.Contacts);
        }

        emitter.Emit(new MappingEnd());
        Key(emitter, "bundles");
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var bundle in team.Bundles)
        {
            WriteBundle(emitter, bundle);
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteBundle(Emitter emitter, BundleSpec bundle)
    {
        emitter.Emit(new MappingStart());
        Entry(emitter, "name", bundle.Name);
        Entry(emitter, "repo", bundle.Repo);
        Settings(emitter, bundle.Settings);
        if (bundle.Environments is not null)
        {
            Key(emitter, "environments");
            emitter.Emit(new MappingStart());
            foreach (var environment in bundle.Environments)
            {
                Key(emitter, environment.Name);
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, environment.Settings.IsEmpty ? MappingStyle.Flow : MappingStyle.Block));
                Settings(emitter, environment.Settings);
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new MappingEnd());
    }

    private static void Settings(Emitter emitter, BundleSettings settings)
    {
        foreach (var (setting, value) in settings.Values)
        {
            Key(emitter, setting.Key);
            switch (value)
            {
                case string text:
                    Text(emitter, text);
                    break;
                case int number:
                    Number(emitter, number);
                    break;
                case bool flag:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, flag ? "true" : "false", ScalarStyle.Plain, true, false));
                    break;
                case IReadOnlyList<string> items:
                    List(emitter, items);
                    break;
            }
        }
    }

    private static void List(Emitter emitter, IReadOnlyList<string> items)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var item in items)
        {
            Text(emitter, item);
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void Entry(Emitter emitter, string key, string value)
    {
        Key(emitter, key);
        Text(emitter, value);
    }

    private static void Key(Emitter emitter, string key) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, true, false));

    private static void Number(Emitter emitter, int value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));

    private static void Text(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, IsSafePlain(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted, true, true));

    /// <summary>Text every YAML reader keeps as the same string when written without quotes.</summary>
    internal static bool IsSafePlain(string value) =>
        SafePlain().IsMatch(value) && !ResolvesToNonString().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_./@+-]*(?: [A-Za-z0-9_./@+()-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();

    // YAML 1.1 booleans and nulls (PyYAML and many tools still read them), plus 1.2's.
    [GeneratedRegex(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|_)$", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvesToNonString();
}
