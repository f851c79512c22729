using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Cli.Commands;

/// <summary>What the backfill reads from the variables GitHub Actions sets: the API, the platform repository, the run id.</summary>
internal sealed partial record BackfillEnvironment(Uri Api, string Owner, string Repo, string RunId)
{
    /// <summary>Null when a variable is malformed; the run id falls back to a UTC time stamp outside Actions.</summary>
    public static BackfillEnvironment? Read(CliContext context)
    {
        var parts = (context.Variable("GITHUB_REPOSITORY")?.Trim() ?? string.Empty).Split('/');
        if (parts.Length != 2 || parts.Any(part => part.Length == 0 || part is "." or ".."))
        {
            return null;
        }

        var apiText = context.Variable("GITHUB_API_URL");
        var api = string.IsNullOrWhiteSpace(apiText) ? IssueEventAction.DefaultApi
            : Uri.TryCreate(apiText.Trim(), UriKind.Absolute, out var given) && (given.Scheme == "https" || (given.Scheme == "http" && given.IsLoopback)) ? given
            : null;

        // The run id becomes part of a branch name: only characters safe in a ref component.
        var runId = context.Variable("GITHUB_RUN_ID")?.Trim() is { Length: > 0 } id ? id : DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return api is null || !RunIdPattern().IsMatch(runId) ? null : new BackfillEnvironment(api, parts[0], parts[1], runId);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
