namespace Onboarding.GitHub.Drift;

/// <summary>
/// The one sticky issue <c>Onboarding drift</c> (label <c>onboarding-drift</c>) of the platform repository, found again
/// through the issue list by its label, open or closed. Opened or reopened when drift appears, its body rewritten only
/// when the findings change, closed with a short comment when they are gone. The body holds no time stamp, so an
/// unchanged drift costs no write.
/// </summary>
public sealed class DriftIssue(GitHubClient client, CallJournal journal, string owner, string repo)
{
    public const string Title = "Onboarding drift";
    public const string Label = "onboarding-drift";
    public const string ClosingComment = "No drift left: GitHub matches the team files again. Closing; this issue reopens if drift comes back.";

    private const string Marker = "<!-- onboard:drift -->";

    public async Task<(DriftIssueAction Action, Issue? Issue)> SyncAsync(IReadOnlyList<DriftFinding> findings, string branch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        journal.Read("/repos/{owner}/{repo}/issues", owner, repo);
        var candidates = (await client.ListIssuesByLabelAsync(owner, repo, Label, "all", cancellationToken))
            .Where(issue => issue.Title == Title)
            .ToList();

        // An open one wins; otherwise the newest closed one is reopened rather than a second one opened.
        var issue = candidates.Where(candidate => candidate.State == "open").MinBy(candidate => candidate.Number)
            ?? candidates.MaxBy(candidate => candidate.Number);
        if (findings.Count == 0)
        {
            if (issue is null || issue.State != "open")
            {
                return (DriftIssueAction.None, issue);
            }

            var number = Number(issue);
            if (journal.Write("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, number))
            {
                await client.CreateIssueCommentAsync(owner, repo, issue.Number, ClosingComment, cancellationToken);
            }

            if (journal.Write("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", owner, repo, number))
            {
                issue = await client.UpdateIssueAsync(owner, repo, issue.Number, new UpdateIssueRequest(State: "closed", StateReason: "completed"), cancellationToken);
            }

            return (DriftIssueAction.Closed, issue);
        }

        var body = Body(findings, branch);
        if (issue is null)
        {
            if (journal.Write("POST", "/repos/{owner}/{repo}/issues", owner, repo))
            {
                issue = await client.CreateIssueAsync(owner, repo, new CreateIssueRequest(Title, body, [Label]), cancellationToken);
            }

            return (DriftIssueAction.Opened, issue);
        }

        var reopen = issue.State != "open";
        var changed = Normalised(issue.Body) != Normalised(body);
        if (!reopen && !changed)
        {
            return (DriftIssueAction.None, issue);
        }

        if (journal.Write("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", owner, repo, Number(issue)))
        {
            issue = await client.UpdateIssueAsync(owner, repo, issue.Number, new UpdateIssueRequest(State: reopen ? "open" : null, Body: changed ? body : null), cancellationToken);
        }

        return (reopen ? DriftIssueAction.Reopened : DriftIssueAction.Updated, issue);
    }

    public static string Body(IReadOnlyList<DriftFinding> findings, string branch)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var md = new StringBuilder(Marker).Append('\n');
        md.Append(CultureInfo.InvariantCulture,
            $"GitHub differs from the team files on `{branch}` in {findings.Count} {(findings.Count == 1 ? "place" : "places")}. `onboard backfill --report` keeps this issue current: it rewrites this table when the findings change and closes the issue when they are gone.\n\n");
        md.Append("| Team | Bundle | Environment | Finding | How to fix |\n|---|---|---|---|---|\n");
        foreach (var finding in findings)
        {
            md.Append("| ").Append(Cell(UntrustedMarkdown.CodeSpan(finding.Team)))
                .Append(" | ").Append(Cell(UntrustedMarkdown.CodeSpan(finding.Bundle)))
                .Append(" | ").Append(finding.Environment is { } environment ? Cell(UntrustedMarkdown.CodeSpan(environment)) : "all")
                .Append(" | ").Append(UntrustedMarkdown.Escape(finding.Finding))
                .Append(" | ").Append(Cell(finding.Fix))
                .Append(" |\n");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Number(Issue issue) => issue.Number.ToString(CultureInfo.InvariantCulture);

    private static string Normalised(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
}
