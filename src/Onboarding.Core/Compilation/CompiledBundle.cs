namespace Onboarding.Core.Compilation;

/// <summary>
/// One item of an environment's <c>dag_bundle_config_list</c>. Kwarg values are string, int, bool or
/// a list of strings, so that JSON gets real types (Python reads the string "false" as true).
/// </summary>
internal sealed record CompiledBundle(
    string Name,
    string Classpath,
    IReadOnlyList<KeyValuePair<string, object>> Kwargs,
    string? TeamName,
    string SourceFile);
