namespace Onboarding.Cli.Output;

/// <summary>What <c>onboard issue --event</c> prints, and the Markdown it appends to the job summary.</summary>
internal static class IssueEventReport
{
    public static void Print(Reporter reporter, OnboardingOutcome outcome, bool dryRun, int issue)
    {
        if (outcome.Status == OnboardingStatus.NotApplicable)
        {
            reporter.Line(outcome.Message);
            return;
        }

        if (dryRun)
        {
            reporter.Line("dry run: no mutating request was sent to GitHub (reads were)");
        }

        foreach (var step in outcome.Steps)
        {
            reporter.Line(step);
        }

        if (dryRun)
        {
            var text = new StringBuilder("calls, in order (writes marked 'not sent'):\n");
            foreach (var call in outcome.Calls)
            {
                text.Append("  ").Append(call).Append(call.StartsWith("GET ", StringComparison.Ordinal) ? string.Empty : "   (not sent)").Append('\n');
            }

            if (outcome.Files.Count > 0)
            {
                text.Append("files of the onboarding commit:\n");
                foreach (var file in outcome.Files)
                {
                    text.Append("  ").Append(file).Append('\n');
                }
            }

            reporter.Line(text.ToString().TrimEnd('\n'));
        }

        foreach (var problem in outcome.Problems)
        {
            reporter.ErrorLine(problem.ToDiagnostic($"issue #{issue.ToString(CultureInfo.InvariantCulture)}").ToString());
        }

        reporter.Diagnostics(outcome.PlatformDiagnostics);
        if (outcome.Status is OnboardingStatus.Done)
        {
            reporter.Line(outcome.Message);
        }
        else
        {
            reporter.ErrorLine($"onboard issue: {outcome.Message}");
        }
    }

    public static string Summary(OnboardingOutcome outcome, int issue, bool dryRun)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Onboarding issue #{issue}{(dryRun ? " (dry run)" : string.Empty)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**{outcome.Status}**: {UntrustedMarkdown.Code(outcome.Message)}\n\n");
        if (outcome.Team is { } team)
        {
            md.Append("| | |\n|---|---|\n");
            md.Append("| Team | ").Append(UntrustedMarkdown.Code(team)).Append(" |\n");
            if (outcome.RepositoryUrl is { } repo)
            {
                md.Append("| Repository | ").Append(repo).Append(" |\n");
            }

            if (outcome.PullRequestUrl is { } pr)
            {
                md.Append(CultureInfo.InvariantCulture, $"| Pull request | #{outcome.PullRequestNumber} {pr} |\n");
            }

            md.Append('\n');
        }

        if (outcome.Steps.Count > 0)
        {
            foreach (var step in outcome.Steps)
            {
                md.Append("- ").Append(UntrustedMarkdown.Code(step)).Append('\n');
            }

            md.Append('\n');
        }

        return md.ToString();
    }
}
