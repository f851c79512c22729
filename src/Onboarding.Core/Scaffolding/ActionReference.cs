namespace Onboarding.Core.Scaffolding;

/// <summary>
/// The toolkit's action as a platform repository's workflows call it: <c>OWNER/REPO@&lt;40-hex commit&gt; # vX.Y.Z</c>.
/// Only a full commit SHA is accepted: whoever can move a tag or branch could otherwise run code with the App token.
/// </summary>
public sealed partial record ActionReference(string Repository, string Commit, string Version)
{
    /// <summary>The value of <c>uses:</c>, with the version as the comment that tools (and reviewers) read.</summary>
    public string Uses => $"{Repository}@{Commit} # v{Version}";

    /// <summary>Reads <c>OWNER/REPO@SHA</c>; null when it is not exactly that.</summary>
    public static ActionReference? Parse(string text, string version)
    {
        var match = Pattern().Match(text);
        return match.Success && IsVersion(version) ? new ActionReference(match.Groups[1].Value, match.Groups[2].Value, version) : null;
    }

    /// <summary>From what a build recorded about its source; null when it recorded no repository or commit.</summary>
    public static ActionReference? FromBuild(string? repository, string? commit, string version) =>
        string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(commit) ? null : Parse($"{repository}@{commit}", version);

    public static bool IsVersion(string version) => VersionPattern().IsMatch(version);

    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100})@([0-9a-f]{40})$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();
}
