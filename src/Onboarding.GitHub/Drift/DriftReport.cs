using Onboarding.GitHub.Backfill;

namespace Onboarding.GitHub.Drift;

/// <summary>
/// <c>onboard backfill --report</c>: finds drift between GitHub and the team files of the default branch and keeps
/// the sticky drift issue current. Changes nothing else: no repository, team or branch is written.
/// </summary>
public sealed class DriftReport(GitHubClient client, DriftReportInput input)
{
    private readonly CallJournal journal = new(input.DryRun);

    public async Task<DriftOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var step = "reading the platform's default branch";
        try
        {
            var diagnostics = new DiagnosticBag();
            var platform = await CurrentPlatform.LoadAsync(client, journal, input.Root, input.PlatformOwner, input.PlatformRepo, diagnostics, cancellationToken);
            if (platform is null)
            {
                return new DriftOutcome(false, "the platform files on the default branch do not validate; nothing was checked") { Diagnostics = diagnostics.Sorted() };
            }

            var unknown = input.Teams.Where(name => !platform.Compiled.Teams.Any(team => team.Name == name)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return new DriftOutcome(false, $"no team file on {platform.Branch.Branch} names {string.Join(", ", unknown.Select(name => $"'{name}'"))}; nothing was checked") { UnknownTeams = unknown };
            }

            var teams = input.Teams.Count == 0 ? platform.Compiled.Teams : [.. platform.Compiled.Teams.Where(team => input.Teams.Contains(team.Name, StringComparer.Ordinal))];
            step = "comparing GitHub with the team files";
            var findings = await new DriftDetector(client, journal).FindAsync(platform.Compiled, teams, cancellationToken);

            step = $"updating the issue '{DriftIssue.Title}'";
            var (action, issue) = await new DriftIssue(client, journal, input.PlatformOwner, input.PlatformRepo).SyncAsync(findings, platform.Branch.Branch, cancellationToken);
            var where = issue is null ? string.Empty : $" #{issue.Number} {issue.HtmlUrl}";
            var message = (findings.Count, action) switch
            {
                (0, DriftIssueAction.Closed) => $"no drift in {teams.Count} teams; closed the drift issue{where}",
                (0, _) => $"no drift in {teams.Count} teams",
                (_, DriftIssueAction.None) => $"{findings.Count} findings in {teams.Count} teams, unchanged since the last report{where}",
                _ => $"{findings.Count} findings in {teams.Count} teams; drift issue {Verb(action, input.DryRun)}{where}",
            };
            return new DriftOutcome(false, message)
            {
                Findings = findings,
                IssueAction = action,
                IssueNumber = issue?.Number,
                IssueUrl = issue?.HtmlUrl,
                Teams = teams.Count,
            };
        }
        catch (GitHubApiException e)
        {
            return new DriftOutcome(true, $"failed while {step}: {e.Message}");
        }
    }

    private static string Verb(DriftIssueAction action, bool dryRun) => (dryRun ? "would be " : string.Empty) + action switch
    {
        DriftIssueAction.Opened => "opened",
        DriftIssueAction.Reopened => "reopened",
        DriftIssueAction.Closed => "closed",
        _ => "updated",
    };
}
