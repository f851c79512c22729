using System.Text.RegularExpressions;

namespace Onboarding.Cli.Commands;

/// <summary>The run id GitHub Actions sets (GITHUB_RUN_ID), which names the backfill's branch.</summary>
internal static partial class BackfillEnvironment
{
    /// <summary>Null when the variable is malformed; a UTC time stamp outside Actions.</summary>
    public static string? RunId(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The run id becomes part of a branch name: only characters safe in a ref component.
        var runId = context.Variable("GITHUB_RUN_ID")?.Trim() is { Length: > 0 } id ? id : DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return RunIdPattern().IsMatch(runId) ? runId : null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RunIdPattern();
}
