namespace Onboarding.Cli.Commands;

/// <summary>
/// <c>onboard issue --event EVENT.json</c>: reads the token, the API address and the platform repository from
/// the environment (as GitHub Actions sets them), runs <see cref="IssueOnboardingFlow"/> and maps its outcome
/// to output, step outputs, the job summary and an exit code.
/// </summary>
internal static class IssueEventAction
{
    public static async Task<int> RunAsync(CliContext context, IssueEventArguments args, ParseResult parsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var session = GitHubSession.Open(context, parsed, "issue", args.TokenEnv,
            "a GitHub App installation token (or a PAT) that may create repositories in the organization");
        var reporter = session.Reporter;
        InputFile.RequireExisting(context, "--event", args.EventPath);
        IssuesEvent issuesEvent;
        try
        {
            issuesEvent = IssuesEvent.Parse(await File.ReadAllTextAsync(context.ResolvePath(args.EventPath), cancellationToken));
        }
        catch (FormatException e)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"onboard issue: {args.EventPath}: {e.Message}");
        }

        var (form, _) = await IssueCommand.LoadFormAsync(context, args.Root, args.Template, cancellationToken);
        var input = new IssueFlowInput(context.ResolvePath(args.Root), form, issuesEvent, session.Platform.Owner, session.Platform.Repo, args.DryRun)
        {
            ServerUrl = session.Platform.Server,
        };
        var outcome = await new IssueOnboardingFlow(session.Client, input).RunAsync(cancellationToken);

        IssueEventReport.Print(reporter, outcome, args.DryRun, issuesEvent.IssueNumber);
        if (reporter.Json)
        {
            reporter.Raw(OutcomeJson.Render("issue", outcome.Status is OnboardingStatus.NotApplicable or OnboardingStatus.Done, args.DryRun,
                outcome.Status.ToString().ToLowerInvariant(), outcome.Message, outcome.Steps, outcome.Calls, outcome.PlatformDiagnostics,
                ($"issue #{issuesEvent.IssueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}", outcome.Problems)));
        }

        ActionsFiles.AppendSummary(context, IssueEventReport.Summary(outcome, issuesEvent.IssueNumber, args.DryRun));
        if (outcome.Status == OnboardingStatus.Done && !args.DryRun)
        {
            ActionsFiles.SetOutputs(context,
            [
                new("team", outcome.Team ?? string.Empty),
                new("repo-url", outcome.RepositoryUrl ?? string.Empty),
                new("pr-url", outcome.PullRequestUrl ?? string.Empty),
                new("pr-number", outcome.PullRequestNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            ]);
        }

        // The action's `changed` output: a write was sent (or, in a dry run, planned).
        var changed = outcome.Calls.Any(call => !call.StartsWith("GET ", StringComparison.Ordinal));
        ActionsFiles.SetOutputs(context, [new("changed", changed ? "true" : "false")]);

        return outcome.Status switch
        {
            OnboardingStatus.NotApplicable or OnboardingStatus.Done => ExitCodes.Ok,
            OnboardingStatus.Failed => ExitCodes.External,
            _ => ExitCodes.Invalid,
        };
    }
}
