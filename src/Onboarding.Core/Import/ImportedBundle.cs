using Onboarding.Core.Diagnostics;
using Onboarding.Core.Validation;

namespace Onboarding.Core.Import;

/// <summary>One bundle of the imported list, checked and typed; absent kwargs are null.</summary>
internal sealed record ImportedBundle(
    int Index,
    string Name,
    string? TeamName,
    RepoReference Repo,
    string RepoUrl,
    string TrackingRef,
    string? Subdir,
    int? RefreshInterval,
    string? GitConnId,
    bool? Submodules,
    IReadOnlyList<string>? SparseDirs,
    SourceLocation At)
{
    public string Path => $"dag_bundle_config_list[{Index}]";

    /// <summary>The team it lands in: its team_name, else a team of its own named after it.</summary>
    public string Team => TeamName ?? Name;

    /// <summary>The kwargs as Airflow would receive them after compile (repo_url in its normalised form).</summary>
    public SortedDictionary<string, object> ExpectedKwargs()
    {
        var kwargs = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["repo_url"] = Repo.Url,
            ["tracking_ref"] = TrackingRef,
        };
        Add(kwargs, "subdir", Subdir);
        Add(kwargs, "refresh_interval", RefreshInterval);
        Add(kwargs, "git_conn_id", GitConnId);
        Add(kwargs, "submodules", Submodules);
        Add(kwargs, "sparse_dirs", SparseDirs);
        return kwargs;
    }

    private static void Add(SortedDictionary<string, object> kwargs, string key, object? value)
    {
        if (value is not null)
        {
            kwargs[key] = value;
        }
    }
}
