namespace Onboarding.Core.Validation;

/// <summary>
/// A bundle's repository after vetting: either a name in github.org or an https URL whose host and
/// owner are allowed by policy. Only <see cref="Url"/>, always in the normalised
/// <c>https://host/owner/repo.git</c> form, ever reaches the compiled list.
/// </summary>
public sealed record RepoReference(string Host, string Owner, string Name, bool IsPlainName)
{
    /// <summary>Built once per bundle for every list; one concatenation is cheaper than an interpolation handler.</summary>
    public string Url => "https://" + Host + "/" + Owner + "/" + Name + ".git";

    public string WebUrl => $"https://{Host}/{Owner}/{Name}";

    /// <summary>
    /// The repository's page on <paramref name="server"/> (a flow's <c>GITHUB_SERVER_URL</c>, e.g. a GitHub Enterprise
    /// Server) when it is a repository of the org, created there; a URL repository stays where its URL points.
    /// </summary>
    public string WebUrlOn(string? server) => server is not null && IsPlainName ? $"{server}/{Owner}/{Name}" : WebUrl;

    /// <summary>The GitHub host the platform's repositories live on: the first of <c>policy.repo_hosts</c>.</summary>
    public static string DefaultHost(PlatformConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Policy.RepoHosts.Count > 0 ? config.Policy.RepoHosts[0] : "github.com";
    }

    /// <summary>
    /// Checks the raw text before anything parses it as a URI: .NET's <see cref="Uri"/> drops
    /// '../', trims spaces, reads '/srv/dags' as a file and 'github.com@evil.com' as host evil.com.
    /// </summary>
    public static RepoReference? Resolve(string raw, PlatformConfig config, out string? problem, out string? code)
    {
        code = DiagnosticCodes.InvalidRepo;
        problem = null;
        var defaultHost = DefaultHost(config);
        if (!raw.Contains('/', StringComparison.Ordinal) && !raw.Contains(':', StringComparison.Ordinal))
        {
            if (!NameRules.IsRepoName(raw))
            {
                problem = "is not a repository name: use ASCII letters, digits, '.', '-' or '_' (at most 100, not starting with '.' or '-', not ending in .git), or an https URL";
                return null;
            }

            return new RepoReference(defaultHost, config.GitHub.Org, raw, IsPlainName: true);
        }

        const string Scheme = "https://";
        if (!raw.StartsWith(Scheme, StringComparison.Ordinal))
        {
            problem = "is not an https URL: write https://github.com/<owner>/<repo>.git (http, ssh, file, paths and git options are refused)";
            return null;
        }

        foreach (var c in raw)
        {
            if (c <= ' ' || c >= 0x7F || c is '%' or '?' or '#' or '@' or '\\')
            {
                problem = c >= 0x7F
                    ? $"contains a non-ASCII character (U+{(int)c:X4}); look-alike hosts and names are refused"
                    : "contains whitespace, '%', '?', '#', '@' or '\\': write the plain https://github.com/<owner>/<repo>.git form without credentials, query or fragment";
                return null;
            }
        }

        var rest = raw[Scheme.Length..];
        if (rest.Contains(':', StringComparison.Ordinal))
        {
            problem = "names a port or credentials: write the plain https://github.com/<owner>/<repo>.git form";
            return null;
        }

        var parts = rest.EndsWith('/') ? rest[..^1].Split('/') : rest.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p is "." or ".."))
        {
            problem = "must have exactly the form https://<host>/<owner>/<repo>[.git]";
            return null;
        }

        var (host, owner, name) = (parts[0], parts[1], parts[2]);
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        if (!HostRules.Host().IsMatch(host) || !NameRules.Org().IsMatch(owner) || !NameRules.IsRepoName(name))
        {
            problem = "has an invalid host, owner or repository name: ASCII letters, digits, '.', '-' or '_' only";
            return null;
        }

        host = host.ToLowerInvariant();
        if (!config.Policy.RepoHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            code = DiagnosticCodes.RepoHostNotAllowed;
            problem = $"points at host '{host}', which policy.repo_hosts does not allow (allowed: {string.Join(", ", config.Policy.RepoHosts)})";
            return null;
        }

        if (!config.Policy.RepoOwners.Contains(owner, StringComparer.OrdinalIgnoreCase))
        {
            code = DiagnosticCodes.RepoOwnerNotAllowed;
            problem = $"points at owner '{owner}', which policy.repo_owners does not allow (allowed: {string.Join(", ", config.Policy.RepoOwners)}); ask the platform team to add it";
            return null;
        }

        return new RepoReference(host, owner, name, IsPlainName: false);
    }
}
