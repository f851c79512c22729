namespace Onboarding.Cli.Commands;

/// <summary>
/// The platform repository and the API to reach it, from the variables GitHub Actions sets:
/// GITHUB_REPOSITORY (owner/name) and GITHUB_API_URL (default api.github.com; plain http only to
/// this machine, because the token is sent there).
/// </summary>
internal sealed record PlatformRepositoryEnvironment(Uri Api, string Owner, string Repo)
{
    /// <summary>GITHUB_SERVER_URL: the web address links written to issues and pull requests point at.</summary>
    public string? Server { get; init; }

    public static readonly Uri DefaultApi = new("https://api.github.com/");

    /// <summary>Null when a variable is malformed.</summary>
    public static PlatformRepositoryEnvironment? Read(CliContext context)
    {
        var parts = (context.Variable("GITHUB_REPOSITORY")?.Trim() ?? string.Empty).Split('/');
        if (parts.Length != 2 || parts.Any(part => part.Length == 0 || part is "." or ".."))
        {
            return null;
        }

        var apiText = context.Variable("GITHUB_API_URL");
        var api = string.IsNullOrWhiteSpace(apiText) ? DefaultApi
            : Uri.TryCreate(apiText.Trim(), UriKind.Absolute, out var given) && (given.Scheme == "https" || (given.Scheme == "http" && given.IsLoopback)) ? given
            : null;
        return api is null ? null : new PlatformRepositoryEnvironment(api, parts[0], parts[1]) { Server = ServerUrl(context) };
    }

    /// <summary>
    /// GITHUB_SERVER_URL (https://github.com, or a GitHub Enterprise Server's address) without a trailing '/';
    /// null when unset, so links use the first of policy.repo_hosts.
    /// </summary>
    /// <exception cref="CommandFailure">A usage error: the variable is not an http(s) address.</exception>
    public static string? ServerUrl(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Variable("GITHUB_SERVER_URL")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var server) && server.Scheme is "https" or "http"
            && string.IsNullOrEmpty(server.Query) && string.IsNullOrEmpty(server.Fragment) && string.IsNullOrEmpty(server.UserInfo)
            ? server.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : throw CommandFailure.Usage($"onboard: GITHUB_SERVER_URL must be the GitHub web address, such as https://github.com or https://github.example.com, not '{text}'");
    }
}
