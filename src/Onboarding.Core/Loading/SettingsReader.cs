namespace Onboarding.Core.Loading;

/// <summary>Reads the bundle settings a mapping may hold at one place, as <see cref="GitBundleSettings"/> describes them.</summary>
public static class SettingsReader
{
    public const int MinimumRefreshInterval = 10;

    public static BundleSettings Read(MappingReader reader, SettingPlaces place)
    {
        var settings = BundleSettings.None;
        foreach (var setting in GitBundleSettings.At(place))
        {
            if (ReadOne(reader, setting) is { } value)
            {
                settings = settings.With(setting, value.Value, value.At);
            }
        }

        return settings;
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
                var list = reader.StringList(setting.Key, check: (value, itemPath) => setting.Rule is null || Check(reader, setting.Rule, value, itemPath));
                return list is null ? null : (list.Select(item => item.Value).ToArray(), reader.ValueAt(setting.Key));
        }
    }
}
