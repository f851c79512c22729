namespace Onboarding.Core.Loading;

/// <summary>Reads the bundle settings a mapping may hold at one place, as <see cref="GitBundleSettings"/> describes them.</summary>
public static class SettingsReader
{
    public const int MinimumRefreshInterval = 10;

    public static BundleSettings Read(MappingReader reader, SettingPlaces place)
    {
        // Every bundle of every team file comes here: the values are gathered first and copied into settings once.
        var allowed = GitBundleSettings.At(place);
        (BundleSetting Setting, object Value, SourceLocation? At)[]? values = null;
        var count = 0;
        for (var i = 0; i < allowed.Count; i++)
        {
            if (ReadOne(reader, allowed[i]) is { } value)
            {
                values ??= new (BundleSetting, object, SourceLocation?)[allowed.Count];
                values[count++] = (allowed[i], value.Value, value.At);
            }
        }

        return values is null ? BundleSettings.None : BundleSettings.Of(values.AsSpan(0, count));
    }

    public static Located<string>? Folder(MappingReader reader, string key)
    {
        var value = reader.Text(key, maxLength: GitBundleSettings.Folder.MaxLength);
        return value is { } v && !Check(reader, GitBundleSettings.Folder, v, reader.KeyPath(key)) ? null : value;
    }

    /// <summary>Reports a text that breaks <paramref name="rule"/> at its node; false when it does.</summary>
    public static bool Check(MappingReader reader, TextRule rule, Located<string> value, string keyPath)
    {
        if (rule.IsValid(value.Value))
        {
            return true;
        }

        var nonAscii = rule.Code == DiagnosticCodes.PatternMismatch ? Display.FirstNonAscii(value.Value) : null;
        reader.ErrorAt(keyPath, rule.Code, value.At,
            nonAscii is null
                ? $"value {Display.Quote(value.Value)} {rule.Problem}"
                : $"value {Display.Quote(value.Value)} contains a non-ASCII character ({nonAscii}); look-alike letters are refused",
            rule.Hint);
        return false;
    }

    private static (object Value, SourceLocation At)? ReadOne(MappingReader reader, BundleSetting setting)
    {
        switch (setting.Type)
        {
            case SettingType.Text:
                var text = reader.Text(setting.Key, maxLength: setting.Rule?.MaxLength ?? 1024);
                return text is { } t && (setting.Rule is null || Check(reader, setting.Rule, t, reader.KeyPath(setting.Key))) ? (t.Value, t.At) : null;
            case SettingType.WholeNumber:
                var number = reader.WholeNumber(setting.Key, setting.Minimum);
                return number is { } n ? (n.Value, n.At) : null;
            case SettingType.Boolean:
                var flag = reader.Boolean(setting.Key);
                return flag is { } f ? (f.Value, f.At) : null;
            default:
                return ReadList(reader, setting);
        }
    }

    /// <summary>A method of its own: the closure it needs would otherwise be allocated on every read of every setting.</summary>
    private static (object Value, SourceLocation At)? ReadList(MappingReader reader, BundleSetting setting)
    {
        var list = reader.StringList(setting.Key, check: (value, itemPath) => setting.Rule is null || Check(reader, setting.Rule, value, itemPath));
        return list is null ? null : (list.Select(item => item.Value).ToArray(), reader.ValueAt(setting.Key));
    }
}
