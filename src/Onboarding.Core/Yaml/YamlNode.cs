namespace Onboarding.Core.Yaml;

/// <summary>
/// A node of a YAML document that passed the safety pre-scan. Scalars keep their literal text and
/// style: the binder, not YAML 1.1 type resolution, decides what a value means.
/// </summary>
public abstract record YamlNode(SourceLocation Location);

public enum ScalarKind
{
    Plain,
    Quoted,
    Block,
}

public sealed record YamlScalar(SourceLocation Location, string Value, ScalarKind Kind) : YamlNode(Location)
{
    /// <summary>A plain empty value, <c>~</c> or <c>null</c>: YAML's null.</summary>
    public bool IsNull => Kind == ScalarKind.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YamlSequence(SourceLocation Location, IReadOnlyList<YamlNode> Items) : YamlNode(Location);

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(SourceLocation Location, IReadOnlyList<YamlEntry> Entries) : YamlNode(Location)
{
    public YamlEntry? Find(string key)
    {
        // Indexed, not foreach: every read of every key of every team file comes here, and enumerating an
        // IReadOnlyList allocates an enumerator each time.
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key.Value == key)
            {
                return Entries[i];
            }
        }

        return null;
    }
}
