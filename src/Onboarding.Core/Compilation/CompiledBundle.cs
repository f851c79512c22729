namespace Onboarding.Core.Compilation;

/// <summary>
/// One item of an environment's <c>dag_bundle_config_list</c>, with the GitDagBundle kwargs as typed
/// fields (null = not emitted), so JSON gets real types: Python reads the string "false" as true.
/// </summary>
internal sealed record CompiledBundle(
    string Name,
    string Classpath,
    GitBundleKwargs Kwargs,
    string? TeamName,
    string SourceFile);

internal sealed record GitBundleKwargs(
    string RepoUrl,
    string TrackingRef,
    string? GitConnId,
    string? Subdir,
    int? RefreshInterval,
    bool? Submodules,
    IReadOnlyList<string>? SparseDirs)
{
    /// <summary>The kwargs that are set, by name, as the JSON list will hold them.</summary>
    public IReadOnlyDictionary<string, object> ToDictionary()
    {
        var values = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["repo_url"] = RepoUrl,
            ["tracking_ref"] = TrackingRef,
        };
        Add(values, "git_conn_id", GitConnId);
        Add(values, "subdir", Subdir);
        Add(values, "refresh_interval", RefreshInterval);
        Add(values, "submodules", Submodules);
        Add(values, "sparse_dirs", SparseDirs);
        return values;
    }

    private static void Add(SortedDictionary<string, object> values, string key, object? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
