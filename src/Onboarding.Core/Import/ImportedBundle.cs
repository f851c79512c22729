namespace Onboarding.Core.Import;

/// <summary>One bundle of the imported list, checked and typed: where it sits in the list, and its kwargs besides repo_url.</summary>
public sealed record ImportedBundle(
    int Index,
    string Name,
    string? TeamName,
    RepoReference Repo,
    string RepoUrl,
    BundleSettings Settings,
    SourceLocation At)
{
    public string Path => $"dag_bundle_config_list[{Index}]";

    /// <summary>The team it lands in: its team_name, else a team of its own named after it.</summary>
    public string Team => TeamName ?? Name;

    /// <summary>The kwargs as Airflow would receive them after compile (repo_url in its normalised form).</summary>
    public IReadOnlyDictionary<string, object> ExpectedKwargs() => new GitBundleKwargs(Repo.Url, Settings).ToDictionary();
}
