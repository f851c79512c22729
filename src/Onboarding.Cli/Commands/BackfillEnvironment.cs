using System.Globalization;
using System.Text.RegularExpressions;

namespace Onboarding.Cli.Commands;

/// <summary>What the backfill reads from the variables GitHub Actions sets: the API, the platform repository, the run id.</summary>
internal sealed partial record BackfillEnvironment(Uri Api, string Owner, string Repo, string RunId)
{
    /// <summary>Null when a variable is malformed; the run id falls back to a UTC time stamp outside Actions.</summary>
    public static BackfillEnvironment? Read(CliContext context)
    {
        if (PlatformRepositoryEnvironment.Read(context) is not { } platform)
        {
            return null;
        }

        // The run id becomes part of a branch name: only characters safe in a ref component.
        var runId = context.Variable("GITHUB_RUN_ID")?.Trim() is { Length: > 0 } id ? id : DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return RunIdPattern().IsMatch(runId) ? new BackfillEnvironment(platform.Api, platform.Owner, platform.Repo, runId) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
