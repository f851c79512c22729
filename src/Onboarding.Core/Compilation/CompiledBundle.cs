using Onboarding.Core.Model;
using Onboarding.Core.Settings;

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

    /// <summary>The kwargs by name in ordinal order (Python's sort_keys), as the JSON list holds them.</summary>
    public IReadOnlyDictionary<string, object> ToDictionary()
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal) { [GitBundleSettings.RepoUrlKwarg] = RepoUrl };
        foreach (var (setting, value) in Settings.Values)
        {
            values[setting.Kwarg] = value;
        }

        return values;
    }
}
