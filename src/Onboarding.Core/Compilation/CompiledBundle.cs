namespace Onboarding.Core.Compilation;

/// <summary>
/// One item of an environment's <c>dag_bundle_config_list</c>, with the GitDagBundle kwargs typed as
/// JSON holds them, so the list gets real types: Python reads the string "false" as true.
/// </summary>
public sealed record CompiledBundle(
    string Name,
    string Classpath,
    GitBundleKwargs Kwargs,
    string? TeamName,
    string SourceFile);

/// <summary>
/// A bundle's GitDagBundle kwargs in one environment: its vetted repository URL and the settings
/// resolved through the precedence.
/// </summary>
public sealed record GitBundleKwargs(string RepoUrl, BundleSettings Settings)
{
    /// <summary>Always set: compile refuses a bundle without it.</summary>
    public string TrackingRef => Settings.Text(GitBundleSettings.TrackingRef)!;

    public string? Subdir => Settings.Text(GitBundleSettings.Subdir);

    /// <summary>Every kwarg name in ordinal order (Python's sort_keys), with its setting; null stands for repo_url.</summary>
    internal static readonly (string Kwarg, BundleSetting? Setting)[] KwargOrder =
        [.. GitBundleSettings.All.Select(s => (s.Kwarg, (BundleSetting?)s)).Append((GitBundleSettings.RepoUrlKwarg, null)).OrderBy(k => k.Kwarg, StringComparer.Ordinal)];

    /// <summary>The kwargs by name in ordinal order (Python's sort_keys), as the JSON list holds them.</summary>
    public IReadOnlyDictionary<string, object> ToDictionary()
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in InKwargOrder())
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>The kwargs set, in ordinal name order; written once per bundle per list, so without a dictionary of its own.</summary>
    public IEnumerable<(string Name, object Value)> InKwargOrder()
    {
        foreach (var (kwarg, setting) in KwargOrder)
        {
            if (setting is null)
            {
                yield return (kwarg, RepoUrl);
            }
            else if (Settings[setting] is { } value)
            {
                yield return (kwarg, value);
            }
        }
    }
}
