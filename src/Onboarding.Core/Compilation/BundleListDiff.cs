namespace Onboarding.Core.Compilation;

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record BundleChange(string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>How one environment's list differs between the committed file and a fresh compile.</summary>
public sealed record EnvironmentDiff(
    string Environment,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<BundleChange> Changed,
    string? Unreadable)
{
    public static EnvironmentDiff None(string environment) => new(environment, [], [], [], null);

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Unreadable is null;

    /// <summary>
    /// Compares by bundle name and field, reading both sides the way Airflow does, so formatting
    /// differences alone are not reported as bundle changes.
    /// </summary>
    public static EnvironmentDiff Compare(string environment, byte[]? committed, ReadOnlyMemory<byte> fresh)
    {
        if (committed is not null && committed.AsSpan().SequenceEqual(fresh.Span))
        {
            return None(environment);
        }

        var after = Fields(fresh) ?? [];
        Dictionary<string, SortedDictionary<string, string>>? before;
        string? unreadable = null;
        if (committed is null)
        {
            before = [];
        }
        else
        {
            before = Fields(committed);
            if (before is null)
            {
                unreadable = "the committed file is not a JSON list of bundles (edited by hand or left with merge conflict markers?)";
                before = [];
            }
        }

        var added = after.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).Order(StringComparer.Ordinal).ToArray();
        var changed = new List<BundleChange>();
        foreach (var name in after.Keys.Where(before.ContainsKey).Order(StringComparer.Ordinal))
        {
            var (old, now) = (before[name], after[name]);
            var fields = old.Keys.Union(now.Keys).Order(StringComparer.Ordinal)
                .Select(f => new FieldChange(f, old.GetValueOrDefault(f), now.GetValueOrDefault(f)))
                .Where(c => c.Before != c.After)
                .ToArray();
            if (fields.Length > 0)
            {
                changed.Add(new BundleChange(name, fields));
            }
        }

        return new EnvironmentDiff(environment, added, removed, changed, unreadable);
    }

    /// <summary>Bundle name → flattened fields ("classpath", "kwargs.subdir", ...) as minified JSON values.</summary>
    private static Dictionary<string, SortedDictionary<string, string>>? Fields(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var result = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    if (property.Name == "kwargs" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var kwarg in property.Value.EnumerateObject())
                        {
                            fields[$"kwargs.{kwarg.Name}"] = Minify(kwarg.Value);
                        }
                    }
                    else if (property.Name != "name")
                    {
                        fields[property.Name] = Minify(property.Value);
                    }
                }

                result[name.GetString()!] = fields;
            }

            return result;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Minify(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Minified))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
