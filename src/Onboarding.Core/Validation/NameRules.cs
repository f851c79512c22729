namespace Onboarding.Core.Validation;

/// <summary>
/// The ASCII allow-lists every name must match before it is used in a path, a URL, a git
/// argument or a GitHub call. They reject traversal (<c>..</c>, <c>/</c>), option-looking values
/// (<c>-rf</c>), shell metacharacters and look-alike Unicode letters in one place.
/// </summary>
public static partial class NameRules
{
    public const string TeamNamePattern = "^[a-z][a-z0-9_-]{1,48}[a-z0-9]$";
    public const string EnvironmentNamePattern = "^[a-z][a-z0-9_-]{0,30}$";
    public const string GitHubTeamSlugPattern = "^[a-z0-9][a-z0-9_-]{0,99}$";
    public const string OrgPattern = "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$";
    public const string RepoNamePattern = "^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$";
    public const string EmailPattern = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
    public const string ConnIdPattern = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,249}$";
    public const string ClasspathPattern = "^[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+$";
    public const string AirflowVersionPattern = "^3\\.[0-9]+$";
    public const string LabelPattern = "^[^\\s,][^,]{0,48}[^\\s,]$|^[^\\s,]$";

    [GeneratedRegex(TeamNamePattern, RegexOptions.CultureInvariant)]
    public static partial Regex TeamName();

    [GeneratedRegex(EnvironmentNamePattern, RegexOptions.CultureInvariant)]
    public static partial Regex EnvironmentName();

    [GeneratedRegex(GitHubTeamSlugPattern, RegexOptions.CultureInvariant)]
    public static partial Regex GitHubTeamSlug();

    [GeneratedRegex(OrgPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Org();

    [GeneratedRegex(RepoNamePattern, RegexOptions.CultureInvariant)]
    public static partial Regex RepoName();

    [GeneratedRegex(EmailPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    [GeneratedRegex(ConnIdPattern, RegexOptions.CultureInvariant)]
    public static partial Regex ConnId();

    [GeneratedRegex(ClasspathPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Classpath();

    [GeneratedRegex(AirflowVersionPattern, RegexOptions.CultureInvariant)]
    public static partial Regex AirflowVersion();

    [GeneratedRegex(LabelPattern, RegexOptions.CultureInvariant)]
    public static partial Regex Label();

    /// <summary>
    /// A repository name GitHub accepts unchanged (it silently rewrites other characters to '-'),
    /// that is not a path component with special meaning and not an argument-looking value.
    /// </summary>
    public static bool IsRepoName(string name) =>
        RepoName().IsMatch(name)
        && !name.EndsWith(".git", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".wiki", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith('.')
        && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>
    /// A branch, tag or commit GitDagBundle can pass to git safely: git's ref-name rules plus no
    /// leading '-', so the value can never be read as an option.
    /// </summary>
    public static bool IsGitRef(string value)
    {
        if (value.Length is 0 or > 255 || value[0] is '-' or '/' || value[^1] is '/' or '.')
        {
            return false;
        }

        if (value.Contains("..", StringComparison.Ordinal) || value.Contains("//", StringComparison.Ordinal)
            || value.Contains("@{", StringComparison.Ordinal) || value.EndsWith(".lock", StringComparison.Ordinal)
            || value == "@")
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c <= ' ' || c >= 0x7F || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            {
                return false;
            }
        }

        return !value.Split('/').Any(part => part.StartsWith('.'));
    }

    /// <summary>A folder inside a repository: relative, no '..' or '.' segments, no backslashes, ASCII printable.</summary>
    public static bool IsRelativeFolder(string value)
    {
        if (value.Length is 0 or > 255 || value[0] is '/' or '-' || value.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < ' ' || c >= 0x7F)
            {
                return false;
            }
        }

        return !value.TrimEnd('/').Split('/').Any(part => part is "" or "." or "..");
    }
}
