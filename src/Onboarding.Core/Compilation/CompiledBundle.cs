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
    IReadOnlyList<string>? SparseDirs);
