using System.Text;

namespace Onboarding.Git.Regeneration;

/// <summary>
/// Lets git fetch and push over HTTPS with a token without the token ever reaching a file, a URL or the
/// command line: it travels as an Authorization header in git's configuration-through-environment
/// (GIT_CONFIG_COUNT/KEY/VALUE), scoped to the origin's host and to the git processes of this run.
/// The checkout therefore needs no persisted credentials.
/// </summary>
public static class GitPushAuth
{
    /// <summary>The value of the header, which is itself a secret: mask it before any git runs.</summary>
    public static string Header(string token) =>
        "AUTHORIZATION: basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"x-access-token:{token}"));

    /// <summary>The environment for git, or null when there is no token or the origin is not an HTTPS remote.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> EnvironmentAsync(string root, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var url = await new GitRunner(root).TryRunAsync(["remote", "get-url", Regenerator.Remote], cancellationToken).ConfigureAwait(false);
        if (!url.Succeeded || !Uri.TryCreate(url.StandardOutput.Trim(), UriKind.Absolute, out var origin) || origin.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_CONFIG_COUNT"] = "1",
            ["GIT_CONFIG_KEY_0"] = $"http.https://{origin.Authority}/.extraheader",
            ["GIT_CONFIG_VALUE_0"] = Header(token.Trim()),
        };
    }
}
