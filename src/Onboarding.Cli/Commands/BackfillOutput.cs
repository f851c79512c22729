namespace Onboarding.Cli.Commands;

/// <summary>What <c>onboard backfill</c> prints, writes to the step outputs and the job summary, and the exit code.</summary>
internal static class BackfillOutput
{
    public static int Converge(CliContext context, Reporter reporter, BackfillOutcome outcome, bool dryRun)
    {
        reporter.Diagnostics(outcome.Diagnostics);
        var plan = Plan(outcome, dryRun);
        if (outcome.Status == BackfillStatus.Cancelled || (outcome.Status != BackfillStatus.Failed && (outcome.Changes.Count > 0 || outcome.Status == BackfillStatus.Converged)))
        {
            reporter.Line(plan);
        }

        if (outcome.Status is BackfillStatus.Converged or BackfillStatus.Changed)
        {
            reporter.Line(outcome.Message);
        }
        else
        {
            reporter.ErrorLine($"onboard backfill: {outcome.Message}");
        }

        ActionsFiles.AppendSummary(context, Summary(outcome, plan, dryRun));
        if (outcome.Status is not (BackfillStatus.Failed or BackfillStatus.Cancelled))
        {
            ActionsFiles.SetOutputs(context,
            [
                new("pr-url", outcome.PullRequestUrl ?? string.Empty),
                new("pr-number", outcome.PullRequestNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
                new("changed", outcome.Changed ? "true" : "false"),
            ]);
        }

        return outcome.Status switch
        {
            BackfillStatus.Converged or BackfillStatus.Changed => ExitCodes.Ok,
            BackfillStatus.Failed => ExitCodes.External,
            BackfillStatus.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Invalid,
        };
    }

    public static int Report(CliContext context, Reporter reporter, DriftOutcome outcome, bool dryRun)
    {
        reporter.Diagnostics(outcome.Diagnostics);
        if (reporter.Json)
        {
            reporter.Raw(ReportJson(outcome, dryRun));
        }

        foreach (var finding in outcome.Findings)
        {
            reporter.Line($"drift: {finding.Team}/{finding.Bundle}{(finding.Environment is { } env ? $" [{env}]" : string.Empty)}: {finding.Finding}; fix: {finding.Fix.Replace("`", string.Empty, StringComparison.Ordinal)}");
        }

        if (outcome.Failed || outcome.Invalid)
        {
            reporter.ErrorLine($"onboard backfill --report: {outcome.Message}");
        }
        else
        {
            reporter.Line((dryRun ? "dry run: the issue was left alone; " : string.Empty) + outcome.Message);
        }

        var md = new StringBuilder().Append(CultureInfo.InvariantCulture, $"## Onboarding drift{(dryRun ? " (dry run)" : string.Empty)}\n\n{UntrustedMarkdown.Code(outcome.Message)}\n\n");
        if (outcome.Findings.Count > 0)
        {
            md.Append(DriftIssue.Body(outcome.Findings, "the default branch")).Append('\n');
        }

        ActionsFiles.AppendSummary(context, md.ToString());
        if (!outcome.Failed && !outcome.Invalid)
        {
            ActionsFiles.SetOutputs(context,
            [
                new("drift", outcome.Findings.Count.ToString(CultureInfo.InvariantCulture)),
                new("issue-url", outcome.IssueUrl ?? string.Empty),
            ]);
        }

        return outcome.Failed ? ExitCodes.External : outcome.Invalid ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    private static string ReportJson(DriftOutcome outcome, bool dryRun) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("command", "backfill --report");
        w.WriteBoolean("ok", !outcome.Failed && !outcome.Invalid);
        w.WriteBoolean("dry_run", dryRun);
        w.WriteString("status", outcome.Failed ? "failed" : outcome.Invalid ? "invalid" : outcome.Findings.Count > 0 ? "drift" : "no_drift");
        w.WriteString("message", outcome.Message);
        w.WriteObjects("findings", outcome.Findings, static (w, finding) =>
        {
            w.WriteString("team", finding.Team);
            w.WriteString("bundle", finding.Bundle);
            w.WriteString("environment", finding.Environment);
            w.WriteString("finding", finding.Finding);
            w.WriteString("fix", finding.Fix);
        });
        w.WriteString("issue_url", outcome.IssueUrl);
        ProblemsJson.Write(w, string.Empty, []);
        DiagnosticsJson.Write(w, outcome.Diagnostics);
        w.WriteEndObject();
    });

    /// <summary>Terraform-like: per team what is (or would be) created or changed, then the totals.</summary>
    public static string Plan(BackfillOutcome outcome, bool dryRun)
    {
        var text = new StringBuilder();
        if (dryRun)
        {
            text.Append("dry run: no mutating request was sent to GitHub (reads were)\n\n");
        }

        foreach (var group in outcome.Changes.GroupBy(change => change.Team))
        {
            text.Append(group.Key is { } team ? $"team {team}:\n" : "artifacts:\n");
            foreach (var change in group)
            {
                text.Append("  ").Append(change.PlanLine).Append('\n');
            }
        }

        if (outcome.Changes.Count > 0)
        {
            text.Append('\n');
        }

        var counts = $"{Count(outcome.RepositoriesToCreate, "repo")} to create, {Count(outcome.PermissionsToGrant, "permission")} to grant, {Count(outcome.ArtifactCommits, "artifact commit")}"
            + (outcome.PullRequestsToClose > 0 ? $", {Count(outcome.PullRequestsToClose, "pull request")} to close" : string.Empty);
        var applied = counts.Replace(" to create", " created", StringComparison.Ordinal).Replace(" to grant", " granted", StringComparison.Ordinal).Replace(" to close", " closed", StringComparison.Ordinal);
        text.Append(outcome.Status == BackfillStatus.Cancelled ? $"Cancelled after {outcome.TeamsDone} of {outcome.Teams} teams{(outcome.Changed ? $"; applied: {applied}" : "; nothing was changed")}."
            : !outcome.Changed ? "No changes: every team and the artifacts already match."
            : dryRun ? $"Plan: {counts}."
            : $"Applied: {applied}.");
        return text.ToString();
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Summary(BackfillOutcome outcome, string plan, bool dryRun)
    {
        var md = new StringBuilder().Append(CultureInfo.InvariantCulture, $"## Backfill{(dryRun ? " (dry run)" : string.Empty)}\n\n**{outcome.Status}**: {UntrustedMarkdown.Code(outcome.Message)}\n\n");
        if (outcome.PullRequestUrl is { } url)
        {
            md.Append(CultureInfo.InvariantCulture, $"Pull request: #{outcome.PullRequestNumber} {url}\n\n");
        }

        md.Append("```\n").Append(plan.Replace("```", "'''", StringComparison.Ordinal)).Append("\n```\n\n");
        return md.ToString();
    }
}
