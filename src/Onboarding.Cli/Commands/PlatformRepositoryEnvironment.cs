namespace Onboarding.Cli.Commands;

/// <summary>
/// The platform repository and the API to reach it, from the variables GitHub Actions sets:
/// GITHUB_REPOSITORY (owner/name) and GITHUB_API_URL (default api.github.com; plain http only to
/// this machine, because the token is sent there).
/// </summary>
internal sealed record PlatformRepositoryEnvironment(Uri Api, string Owner, string Repo)
{
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
        return api is null ? null : new PlatformRepositoryEnvironment(api, parts[0], parts[1]);
    }
}
