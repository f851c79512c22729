using Onboarding.Core.Diagnostics;
using Onboarding.Core.Settings;

namespace Onboarding.Core.Model;

/// <summary>
/// Values of <see cref="GitBundleSettings"/> set at one level (a bundle, one of its environments, a
/// platform environment, the platform defaults), with where each was written when it came from a
/// file. Values are typed as JSON holds them: string, int, bool or a list of strings. Two instances
/// are equal when they hold the same values, wherever those were written.
/// Precedence: bundle environment override &gt; bundle &gt; platform environment &gt; platform defaults.
/// </summary>
public sealed class BundleSettings : IEquatable<BundleSettings>
{
    private readonly Dictionary<BundleSetting, Entry> _entries;

    private BundleSettings(Dictionary<BundleSetting, Entry> entries) => _entries = entries;

    public static BundleSettings None { get; } = new([]);

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>The values set, in the order of <see cref="GitBundleSettings.All"/>.</summary>
    public IEnumerable<(BundleSetting Setting, object Value)> Values =>
        GitBundleSettings.All.Where(_entries.ContainsKey).Select(s => (s, _entries[s].Value));

    public static BundleSettings Of(params (BundleSetting Setting, object? Value)[] values) =>
        values.Aggregate(None, (settings, v) => settings.With(v.Setting, v.Value));

    public object? this[BundleSetting setting] => _entries.TryGetValue(setting, out var entry) ? entry.Value : null;

    public string? Text(BundleSetting setting) => this[setting] as string;

    public int? WholeNumber(BundleSetting setting) => this[setting] as int?;

    public bool? Boolean(BundleSetting setting) => this[setting] as bool?;

    public IReadOnlyList<string>? TextList(BundleSetting setting) => this[setting] as IReadOnlyList<string>;

    /// <summary>Where the value was written, when it was read from a file.</summary>
    public SourceLocation? At(BundleSetting setting) => _entries.TryGetValue(setting, out var entry) ? entry.At : null;

    /// <summary>A copy with <paramref name="setting"/> set to <paramref name="value"/> (null removes it).</summary>
    public BundleSettings With(BundleSetting setting, object? value, SourceLocation? at = null)
    {
        var entries = new Dictionary<BundleSetting, Entry>(_entries);
        if (value is null)
        {
            entries.Remove(setting);
        }
        else
        {
            entries[setting] = new Entry(Checked(setting, value), at);
        }

        return new BundleSettings(entries);
    }

    /// <summary>This level's values where set, else the fallback's.</summary>
    public BundleSettings Over(BundleSettings fallback)
    {
        if (fallback.IsEmpty)
        {
            return this;
        }

        var entries = new Dictionary<BundleSetting, Entry>(fallback._entries);
        foreach (var (setting, entry) in _entries)
        {
            entries[setting] = entry;
        }

        return new BundleSettings(entries);
    }

    /// <summary>Only the values of <paramref name="settings"/>.</summary>
    public BundleSettings Only(IEnumerable<BundleSetting> settings)
    {
        var keep = settings.ToHashSet();
        return new BundleSettings(_entries.Where(e => keep.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value));
    }

    public bool Equals(BundleSettings? other) =>
        other is not null && other._entries.Count == _entries.Count
        && _entries.All(e => other._entries.TryGetValue(e.Key, out var o) && KwargValues.Same(e.Value.Value, o.Value));

    public override bool Equals(object? obj) => Equals(obj as BundleSettings);

    public override int GetHashCode() => _entries.Count;

    public override string ToString() =>
        "{" + string.Join(", ", Values.Select(v => $"{v.Setting.Key}: {KwargValues.Show(v.Value)}")) + "}";

    public static bool operator ==(BundleSettings? left, BundleSettings? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(BundleSettings? left, BundleSettings? right) => !(left == right);

    private static object Checked(BundleSetting setting, object value) => (setting.Type, value) switch
    {
        (SettingType.Text, string) or (SettingType.WholeNumber, int) or (SettingType.Boolean, bool) => value,
        (SettingType.TextList, IReadOnlyList<string> list) => list.ToArray(),
        _ => throw new ArgumentException($"{setting.Key} holds {setting.Type}, not {value.GetType().Name}", nameof(value)),
    };

    private readonly record struct Entry(object Value, SourceLocation? At);
}
