namespace Onboarding.Core.Loading;

/// <summary>
/// Typed, located reads from one YAML mapping. Every problem becomes a diagnostic naming the full
/// key path (<c>bundles[1].refresh_interval</c>) at the offending node; reads go on after a
/// problem so one run reports every error.
/// </summary>
public sealed class MappingReader
{
    private readonly IReadOnlyCollection<string> _required;

    private MappingReader(YamlMapping node, string path, DiagnosticBag diagnostics, IReadOnlyCollection<string> required) =>
        (Node, Path, Diagnostics, _required) = (node, path, diagnostics, required);

    public DiagnosticBag Diagnostics { get; }

    public YamlMapping Node { get; }

    public string Path { get; }

    public SourceLocation At => Node.Location;

    /// <summary>Opens <paramref name="node"/> as the mapping <paramref name="schema"/> describes: only its keys, and its required keys present.</summary>
    public static MappingReader? Open(YamlNode node, string path, DiagnosticBag diagnostics, SchemaNode schema) =>
        Open(node, path, diagnostics, schema.Keys, schema.RequiredKeys);

    /// <summary>Opens <paramref name="node"/> as a mapping that may hold only <paramref name="knownKeys"/>.</summary>
    public static MappingReader? Open(YamlNode node, string path, DiagnosticBag diagnostics, IReadOnlyList<string> knownKeys) =>
        Open(node, path, diagnostics, knownKeys, []);

    private static MappingReader? Open(YamlNode node, string path, DiagnosticBag diagnostics, IReadOnlyList<string> knownKeys, IReadOnlyCollection<string> required)
    {
        if (node is not YamlMapping mapping)
        {
            if (path.Length == 0)
            {
                diagnostics.Error(DiagnosticCodes.WrongType, node.Location,
                    $"the file must be a mapping of keys to values, not {KindOf(node)}", "write it as 'key: value' lines indented under its parent");
            }
            else
            {
                diagnostics.ErrorAt(path, DiagnosticCodes.WrongType, node.Location,
                    $"must be a mapping of keys to values, not {KindOf(node)}", "write it as 'key: value' lines indented under its parent");
            }

            return null;
        }

        var reader = new MappingReader(mapping, path, diagnostics, required);
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            if (!knownKeys.Contains(entry.Key.Value))
            {
                var suggestion = NearestName.Find(entry.Key.Value, knownKeys);
                diagnostics.ErrorIn(path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}", DiagnosticCodes.UnknownKey, entry.Key.Location,
                    $"unknown key {Display.Quote(entry.Key.Value)} in {Describe(path)}",
                    suggestion is null
                        ? $"allowed keys: {string.Join(", ", knownKeys)}"
                        : $"did you mean '{suggestion}'? allowed keys: {string.Join(", ", knownKeys)}");
            }
        }

        return reader;
    }

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public YamlEntry? Entry(string key) => Node.Find(key);

    /// <summary>The location of a key's value, or of the mapping when the key is absent.</summary>
    public SourceLocation ValueAt(string key) => Node.Find(key)?.Value.Location ?? Node.Location;

    public Located<string>? Text(string key, bool required = false, int maxLength = 1024)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is not YamlScalar scalar || scalar.Kind == ScalarKind.Plain && scalar.IsNull)
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.WrongType, entry.Value.Location,
                $"must be text, not {KindOf(entry.Value)}",
                entry.Value is YamlScalar ? "give it a value or remove the key" : "write a single value on the same line as the key");
            return null;
        }

        if (scalar.Value.Length > maxLength)
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.OutOfRange, scalar.Location,
                $"is {scalar.Value.Length} characters long, more than the {maxLength} allowed", "shorten it");
            return null;
        }

        return new Located<string>(scalar.Value, scalar.Location);
    }

    /// <summary>A text value that must match <paramref name="pattern"/>; <paramref name="rule"/> explains the pattern to a person.</summary>
    public Located<string>? Name(string key, Regex pattern, string rule, bool required = false)
    {
        var value = Text(key, required);
        if (value is { } v && !Matches(v, pattern, KeyPath(key), rule))
        {
            return null;
        }

        return value;
    }

    public bool Matches(Located<string> value, Regex pattern, string keyPath, string rule)
    {
        if (pattern.IsMatch(value.Value))
        {
            return true;
        }

        var nonAscii = Display.FirstNonAscii(value.Value);
        ErrorAt(keyPath, DiagnosticCodes.PatternMismatch, value.At,
            nonAscii is null
                ? $"value {Display.Quote(value.Value)} is not valid"
                : $"value {Display.Quote(value.Value)} contains a non-ASCII character ({nonAscii}); look-alike letters are refused",
            rule);
        return false;
    }

    public Located<int>? WholeNumber(string key, int minimum, int maximum = int.MaxValue, bool required = false)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is not YamlScalar { Kind: ScalarKind.Plain } scalar || scalar.IsNull
            || !IsDecimalInteger(scalar.Value))
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.WrongType, entry.Value.Location,
                $"must be a whole number, not {KindOf(entry.Value)}",
                $"write digits without quotes, e.g. '{key}: {Math.Max(minimum, 60)}'");
            return null;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < minimum || value > maximum)
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.OutOfRange, scalar.Location,
                $"is {scalar.Value}, outside the allowed range",
                maximum == int.MaxValue ? $"use a number of at least {minimum}" : $"use a number from {minimum} to {maximum}");
            return null;
        }

        return new Located<int>(value, scalar.Location);
    }

    public Located<bool>? Boolean(string key, bool required = false)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is YamlScalar { Kind: ScalarKind.Plain } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return new Located<bool>(true, scalar.Location);
                case "false" or "False" or "FALSE":
                    return new Located<bool>(false, scalar.Location);
            }
        }

        ErrorAt(KeyPath(key), DiagnosticCodes.WrongType, entry.Value.Location,
            $"must be true or false, not {KindOf(entry.Value)}",
            "write true or false without quotes (yes/no/on/off are not booleans here)");
        return null;
    }

    /// <summary>A list of text values, each checked by <paramref name="check"/> when given.</summary>
    public IReadOnlyList<Located<string>>? StringList(string key, bool required = false, Func<Located<string>, string, bool>? check = null)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is not YamlSequence sequence)
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.WrongType, entry.Value.Location,
                $"must be a list, not {KindOf(entry.Value)}",
                $"write it as [a, b] or as '- a' lines under '{key}:'");
            return null;
        }

        var items = new List<Located<string>>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{KeyPath(key)}[{i}]";
            if (sequence.Items[i] is not YamlScalar scalar || scalar.IsNull || scalar.Value.Length > 1024)
            {
                ErrorAt(itemPath, DiagnosticCodes.WrongType, sequence.Items[i].Location,
                    $"must be text, not {KindOf(sequence.Items[i])}", "give each list item a single text value");
                continue;
            }

            var item = new Located<string>(scalar.Value, scalar.Location);
            if (check is null || check(item, itemPath))
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The mapping under <paramref name="key"/>, as <paramref name="schema"/> describes it.</summary>
    public MappingReader? Mapping(string key, SchemaNode schema) => Mapping(key, schema.Keys, schema.RequiredKeys, required: false);

    public MappingReader? Mapping(string key, IReadOnlyList<string> knownKeys, bool required = false) => Mapping(key, knownKeys, [], required);

    private MappingReader? Mapping(string key, IReadOnlyList<string> knownKeys, IReadOnlyCollection<string> requiredKeys, bool required)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        // An empty value ('prod:' or 'prod: {}') is an empty mapping: "no overrides".
        if (entry.Value is YamlScalar { IsNull: true } empty)
        {
            return new MappingReader(new YamlMapping(empty.Location, []), KeyPath(key), Diagnostics, requiredKeys);
        }

        return Open(entry.Value, KeyPath(key), Diagnostics, knownKeys, requiredKeys);
    }

    public YamlSequence? Sequence(string key, bool required = false)
    {
        var entry = Present(key, required);
        if (entry is null)
        {
            return null;
        }

        if (entry.Value is not YamlSequence sequence)
        {
            ErrorAt(KeyPath(key), DiagnosticCodes.WrongType, entry.Value.Location,
                $"must be a list, not {KindOf(entry.Value)}", $"write each item as a '- ' line under '{key}:'");
            return null;
        }

        return sequence;
    }

    public void Error(string code, SourceLocation at, string message, string? hint = null) =>
        Diagnostics.Error(code, at, message, hint);

    /// <summary>An error about the key at <paramref name="keyPath"/>: <paramref name="phrase"/> follows the key's name.</summary>
    public void ErrorAt(string keyPath, string code, SourceLocation at, string phrase, string? hint = null) =>
        Diagnostics.ErrorAt(keyPath, code, at, phrase, hint);

    internal static string KindOf(YamlNode node) => node switch
    {
        YamlMapping => "a mapping",
        YamlSequence => "a list",
        YamlScalar { IsNull: true } => "empty",
        YamlScalar { Kind: ScalarKind.Plain } s when IsDecimalInteger(s.Value) => $"the number {s.Value}",
        YamlScalar { Kind: ScalarKind.Plain } s when s.Value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE" => $"the boolean {s.Value}",
        YamlScalar s => $"the text {Display.Quote(s.Value, 40)}",
        _ => "an unsupported value",
    };

    private static bool IsDecimalInteger(string text)
    {
        var digits = text.AsSpan(text.StartsWith('-') || text.StartsWith('+') ? 1 : 0);
        if (digits.Length is 0 or > 10)
        {
            return false;
        }

        // A leading zero reads as octal under YAML 1.1 and decimal under 1.2: refuse the ambiguity.
        if (digits.Length > 1 && digits[0] == '0')
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key's entry; a missing key is an error when the caller or the mapping's schema requires it.</summary>
    private YamlEntry? Present(string key, bool required)
    {
        var entry = Node.Find(key);
        if (entry is null && (required || _required.Contains(key)))
        {
            Diagnostics.ErrorIn(KeyPath(key), DiagnosticCodes.MissingKey, Node.Location,
                $"{Describe(Path)} is missing the required key '{key}'", $"add '{key}:'");
        }

        return entry;
    }

    private static string Describe(string path) => path.Length == 0 ? "the file" : $"'{path}'";
}
