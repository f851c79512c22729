using System.CommandLine;
using System.Globalization;
using Onboarding.Cli.Output;
using Onboarding.Core.Validation;
using Onboarding.GitHub;
using Onboarding.GitHub.Backfill;
using Onboarding.GitHub.Drift;

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

        command.SetAction(result => Run(context, new BackfillArguments(
            result.GetValue(CommonOptions.Root)!,
            result.GetValue(team) ?? [],
            result.GetValue(dryRun),
            result.GetValue(report),
            result.GetValue(tokenEnv),
            result.GetValue(CommonOptions.Verbose))));
        return command;
    }

    private static int Run(CliContext context, BackfillArguments args)
    {
        var reporter = new Reporter(context);
        if (args.Teams.FirstOrDefault(name => !NameRules.TeamName().IsMatch(name)) is { } bad)
        {
            reporter.ErrorLine($"onboard backfill: --team {Display(bad)} is not a team name (pattern {NameRules.TeamNamePattern})");
            return ExitCodes.Usage;
        }

        var tokenVariable = args.TokenEnv ?? IssueEventAction.DefaultTokenVariable;
        var token = context.Variable(tokenVariable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            reporter.ErrorLine($"onboard backfill: the environment variable {tokenVariable} holds no token; set it to a GitHub App installation token (or a PAT) that may create repositories and manage team access in the organization");
            return ExitCodes.Usage;
        }

        // Masked before anything else is printed, in case any later line could carry it.
        if (context.InGitHubActions)
        {
            context.Out.WriteLine($"::add-mask::{token}");
        }

        if (BackfillEnvironment.Read(context) is not { } environment)
        {
            reporter.ErrorLine("onboard backfill: GITHUB_REPOSITORY must name the platform repository as owner/name, GITHUB_API_URL (when set) must be an https URL (the token is sent to it), and GITHUB_RUN_ID (when set) only letters, digits, '_' or '-'");
            return ExitCodes.Usage;
        }

        var root = context.ResolvePath(args.Root);
        using var http = context.GitHubClientFactory is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        using var client = context.GitHubClientFactory?.Invoke(environment.Api, token)
            ?? new GitHubClient(http!, new GitHubClientOptions { BaseAddress = environment.Api, Token = token, Log = args.Verbose ? reporter.ErrorLine : null });
        if (args.Report)
        {
            var drift = new DriftReport(client, new DriftReportInput(root, environment.Owner, environment.Repo, args.Teams, args.DryRun)).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            return BackfillOutput.Report(context, reporter, drift, args.DryRun);
        }

        var input = new BackfillInput(root, environment.Owner, environment.Repo, args.Teams, args.DryRun, environment.RunId, reporter.ErrorLine);
        var outcome = new BackfillFlow(client, input).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        return BackfillOutput.Converge(context, reporter, outcome, args.DryRun);
    }

    private static string Display(string value) => string.Create(CultureInfo.InvariantCulture, $"'{new string([.. value.Take(60).Select(c => char.IsControl(c) ? '?' : c)])}'");

    private sealed record BackfillArguments(string Root, IReadOnlyList<string> Teams, bool DryRun, bool Report, string? TokenEnv, bool Verbose);
}
