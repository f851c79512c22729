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
    /// <summary>
    /// One slot per setting, in the order of <see cref="GitBundleSettings.All"/>; null where unset. Every bundle
    /// holds one per environment, so an array (no hashing, a fraction of a dictionary's memory) instead of a map.
    /// </summary>
    private readonly Entry?[] _entries;

    private readonly int _count;

    private BundleSettings(Entry?[] entries)
    {
        _entries = entries;
        foreach (var entry in entries)
        {
            _count += entry is null ? 0 : 1;
        }

    }

    private static readonly BundleSetting[] Slots = [.. GitBundleSettings.All];

    public static BundleSettings None { get; } = new(new Entry?[Slots.Length]);

    public bool IsEmpty => _count == 0;

    /// <summary>The values set, in the order of <see cref="GitBundleSettings.All"/>.</summary>
    public IEnumerable<(BundleSetting Setting, object Value)> Values
    {
        get
        {
            for (var i = 0; i < Slots.Length; i++)
            {
                if (_entries[i] is { } entry)
                {
                    yield return (Slots[i], entry.Value);
                }
            }
        }
    }

    public static BundleSettings Of(params (BundleSetting Setting, object? Value)[] values) =>
        values.Aggregate(None, (settings, v) => settings.With(v.Setting, v.Value));

    /// <summary>Values read from a file, with where each was written; a later value of the same setting wins.</summary>
    public static BundleSettings Of(ReadOnlySpan<(BundleSetting Setting, object Value, SourceLocation? At)> values)
    {
        var entries = new Entry?[Slots.Length];
        foreach (var (setting, value, at) in values)
        {
            entries[SlotOf(setting)] = new Entry(Checked(setting, value), at);
        }

        return new BundleSettings(entries);
    }

    public object? this[BundleSetting setting] => _entries[SlotOf(setting)]?.Value;

    public string? Text(BundleSetting setting) => this[setting] as string;

    public int? WholeNumber(BundleSetting setting) => this[setting] as int?;

    public bool? Boolean(BundleSetting setting) => this[setting] as bool?;

    public IReadOnlyList<string>? TextList(BundleSetting setting) => this[setting] as IReadOnlyList<string>;

    /// <summary>Where the value was written, when it was read from a file.</summary>
    public SourceLocation? At(BundleSetting setting) => _entries[SlotOf(setting)]?.At;

    /// <summary>A copy with <paramref name="setting"/> set to <paramref name="value"/> (null removes it).</summary>
    public BundleSettings With(BundleSetting setting, object? value, SourceLocation? at = null)
    {
        var entries = (Entry?[])_entries.Clone();
        entries[SlotOf(setting)] = value is null ? null : new Entry(Checked(setting, value), at);
        return new BundleSettings(entries);
    }

    /// <summary>This level's values where set, else the fallback's.</summary>
    public BundleSettings Over(BundleSettings fallback)
    {
        if (fallback.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            return fallback;
        }

        var entries = new Entry?[Slots.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _entries[i] ?? fallback._entries[i];
        }

        return new BundleSettings(entries);
    }

    /// <summary>Only the values of <paramref name="settings"/>.</summary>
    public BundleSettings Only(IEnumerable<BundleSetting> settings)
    {
        var entries = new Entry?[Slots.Length];
        foreach (var setting in settings)
        {
            var slot = SlotOf(setting);
            entries[slot] = _entries[slot];
        }

        return new BundleSettings(entries);
    }

    public bool Equals(BundleSettings? other)
    {
        if (other is null || other._count != _count)
        {
            return false;
        }

        for (var i = 0; i < Slots.Length; i++)
        {
            if (_entries[i] is { } mine && (other._entries[i] is not { } theirs || !KwargValues.Same(mine.Value, theirs.Value)))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as BundleSettings);

    public override int GetHashCode() => _count;

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

    /// <summary>The settings are the instances of <see cref="GitBundleSettings"/>; an equal copy finds the same slot.</summary>
    private static int SlotOf(BundleSetting setting)
    {
        for (var i = 0; i < Slots.Length; i++)
        {
            if (ReferenceEquals(Slots[i], setting))
            {
                return i;
            }
        }

        var slot = Array.IndexOf(Slots, setting);
        return slot >= 0 ? slot : throw new ArgumentException($"{setting.Key} is not one of GitBundleSettings.All", nameof(setting));
    }

    /// <summary>A class, not a struct: an array of nullable structs would copy every value on each read.</summary>
    private sealed record Entry(object Value, SourceLocation? At);
}
