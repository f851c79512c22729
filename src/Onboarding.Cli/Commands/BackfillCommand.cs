using Onboarding.Core.Validation;

namespace Onboarding.Cli.Commands;

/// <summary>
/// <c>backfill [--team NAME]... [--dry-run | --report]</c>: converges teams against GitHub (<see cref="BackfillFlow"/>),
/// or with <c>--report</c> only compares and keeps the drift issue current (<see cref="DriftReport"/>).
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(CliContext context)
    {
        var team = new Option<string[]>("--team") { HelpName = "NAME", Description = "Converge only this team (repeat for several); default: every team in teams/*.yaml" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a plan of what would be created or changed, and change nothing" };
        var report = new Option<bool>("--report") { Description = $"Change no repository or team: compare GitHub with the team files and keep the issue '{DriftIssue.Title}' (label {DriftIssue.Label}) current" };
        var tokenEnv = new Option<string>("--token-env") { Description = "The environment variable holding the GitHub token (default: GITHUB_TOKEN)" };
        var command = new Command("backfill", "Converge teams on GitHub: repositories exist, owners' teams can push, artifacts regenerated in one pull request");
        foreach (var option in new Option[] { team, dryRun, report, tokenEnv })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) => RunAsync(context, new BackfillArguments(
            result.GetValue(CommonOptions.Root)!,
            result.GetValue(team) ?? [],
            result.GetValue(dryRun),
            result.GetValue(report),
            result.GetValue(tokenEnv)), result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, BackfillArguments args, ParseResult parsed, CancellationToken cancellationToken)
    {
        if (args.Teams.FirstOrDefault(name => !NameRules.TeamName().IsMatch(name)) is { } bad)
        {
            throw CommandFailure.Usage($"onboard backfill: --team {Display(bad)} is not a team name (pattern {NameRules.TeamNamePattern})");
        }

        using var session = GitHubSession.Open(context, parsed, "backfill", args.TokenEnv,
            "a GitHub App installation token (or a PAT) that may create repositories and manage team access in the organization");
        var runId = BackfillEnvironment.RunId(context)
            ?? throw CommandFailure.Usage("onboard backfill: GITHUB_RUN_ID (when set) may hold only letters, digits, '_' or '-'");
        var (platform, reporter) = (session.Platform, session.Reporter);
        var root = context.ResolvePath(args.Root);
        if (args.Report)
        {
            var drift = await new DriftReport(session.Client, new DriftReportInput(root, platform.Owner, platform.Repo, args.Teams, args.DryRun)).RunAsync(cancellationToken);
            return BackfillOutput.Report(context, reporter, drift, args.DryRun);
        }

        var input = new BackfillInput(root, platform.Owner, platform.Repo, args.Teams, args.DryRun, runId, reporter.ErrorLine) { ServerUrl = platform.Server };
        var outcome = await new BackfillFlow(session.Client, input).RunAsync(cancellationToken);
        if (reporter.Json)
        {
            reporter.Raw(OutcomeJson.Render("backfill", outcome.Status is BackfillStatus.Converged or BackfillStatus.Changed, args.DryRun,
                outcome.Status.ToString().ToLowerInvariant(), outcome.Message, outcome.Changes.Select(change => change.PlanLine), outcome.Calls, outcome.Diagnostics));
        }

        return BackfillOutput.Converge(context, reporter, outcome, args.DryRun);
    }

    private static string Display(string value) => string.Create(CultureInfo.InvariantCulture, $"'{new string([.. value.Take(60).Select(c => char.IsControl(c) ? '?' : c)])}'");

    private sealed record BackfillArguments(string Root, IReadOnlyList<string> Teams, bool DryRun, bool Report, string? TokenEnv);
}
