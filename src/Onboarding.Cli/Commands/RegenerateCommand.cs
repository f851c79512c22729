using Onboarding.GitHub.Regeneration;

namespace Onboarding.Cli.Commands;

/// <summary><c>regenerate [--push | --pr] [--branch NAME] [--attempts N]</c>: one commit that makes generated/ a fresh compile.</summary>
internal static class RegenerateCommand
{
    public static Command Create(CliContext context)
    {
        var push = new Option<bool>("--push")
        {
            Description = $"Compile on the branch's head on '{Regenerator.Remote}' and push the commit there without force; when the branch moved meanwhile, fetch, recompile and try again",
        };
        var pr = new Option<bool>("--pr")
        {
            Description = $"For a branch that takes no direct push: compile on its head on '{Regenerator.Remote}', push the commit to {Regenerator.ProposalBranchFor("<branch>")} and open (or update) one pull request; needs GITHUB_TOKEN and GITHUB_REPOSITORY",
        };
        var branch = new Option<string?>("--branch") { Description = "With --push or --pr: the branch to regenerate; default: the checked-out branch" };
        var attempts = new Option<int>("--attempts")
        {
            Description = $"With --push: how many times to try when the branch keeps moving; default {Regenerator.DefaultAttempts}",
            DefaultValueFactory = _ => Regenerator.DefaultAttempts,
        };
        attempts.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10)
            {
                r.AddError("--attempts must be between 1 and 10");
            }
        });
        var command = new Command("regenerate", """
            Compile and commit only the generated files that changed, as one commit named
            'Regenerate artifacts for <commit>'. Nothing is committed when generated/ is already a fresh compile.
            Refuses a working tree with uncommitted changes.
            """)
        { push, pr, branch, attempts };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var mode = parsed.GetValue(pr) ? RegenerateMode.PullRequest : parsed.GetValue(push) ? RegenerateMode.Push : RegenerateMode.Local;
            if (parsed.GetValue(push) && parsed.GetValue(pr))
            {
                throw CommandFailure.Usage("onboard: choose one of --push and --pr");
            }

            if (parsed.GetValue(branch) is not null && mode == RegenerateMode.Local)
            {
                throw CommandFailure.Usage("onboard: --branch applies with --push or --pr only");
            }

            using var session = mode == RegenerateMode.PullRequest
                ? GitHubSession.Open(context, parsed, "regenerate --pr", null,
                    "a token that can push and open pull requests")
                : null;
            var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
            var token = mode == RegenerateMode.Local ? null : PushToken(context);
            var result = await Regenerator.RunAsync(root, mode, parsed.GetValue(branch), parsed.GetValue(attempts), token, cancellationToken);
            return await ReportAsync(context, parsed, "regenerate", result,
                session is null ? null : (result, ct) => ProposeAsync(context, session, result, ct), cancellationToken);
        });
        return command;
    }

    /// <summary>Opens the one regeneration pull request, or refreshes it; returns the line to print.</summary>
    private static async Task<string> ProposeAsync(CliContext context, GitHubSession session, RegenerateResult result, CancellationToken cancellationToken)
    {
        var (pullRequest, created) = await RegenerationPullRequest.EnsureAsync(session.Client, session.Platform.Owner, session.Platform.Repo, result.ProposalBranch!, result.Branch!,
            result.Base!, result.Paths.Count, cancellationToken);
        ActionsFiles.SetOutputs(context, [new("pr-url", pullRequest.HtmlUrl), new("pr-number", pullRequest.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return created ? $"opened pull request #{pullRequest.Number}: {pullRequest.HtmlUrl}" : $"pull request #{pullRequest.Number} carries it: {pullRequest.HtmlUrl}";
    }

    /// <summary>
    /// GITHUB_TOKEN, when set, is what git pushes with over HTTPS. Under Actions the header derived from it
    /// is masked first, so no log line can show it.
    /// </summary>
    public static string? PushToken(CliContext context)
    {
        var token = context.Variable(GitHubSession.DefaultTokenVariable)?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var header = GitPushAuth.Header(token);
        GitHubSession.Mask(context, header[(header.LastIndexOf(' ') + 1)..]);
        return token;
    }

    /// <summary>Runs a regeneration and maps its result to output and an exit code (shared with <c>check --fix</c>).</summary>
    public static async Task<int> ReportAsync(CliContext context, ParseResult parsed, string name, RegenerateResult result,
        Func<RegenerateResult, CancellationToken, Task<string>>? propose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(result);
        var json = parsed.GetValue(CommonOptions.Json);
        var reporter = new Reporter(context) { Json = json };

        var diagnostics = result.Compile?.Diagnostics ?? [];
        reporter.Diagnostics(diagnostics);
        CommandFailure? proposalFailure = null;

        switch (result.Status)
        {
            case RegenerateStatus.UpToDate:
                reporter.Line($"generated/ is already a fresh compile of {result.Base}; nothing to commit");
                break;
            case RegenerateStatus.Committed or RegenerateStatus.Pushed:
                reporter.Line($"{ArtifactCommit.MessageFor(result.Base!)}: commit {result.Commit}, {result.Paths.Count} files");
                foreach (var path in result.Paths)
                {
                    reporter.Line($"  {path}");
                }

                if (result.Status == RegenerateStatus.Pushed)
                {
                    reporter.Line(result.AlreadyProposed ? $"{result.ProposalBranch} already holds this change; nothing pushed"
                        : result.ProposalBranch is { } proposal ? $"pushed to {proposal}"
                        : result.Attempts > 1 ? $"pushed after {result.Attempts} attempts (the branch moved meanwhile)" : "pushed");
                }

                if (result.Status == RegenerateStatus.Pushed && propose is not null)
                {
                    try
                    {
                        reporter.Line(await propose(result, cancellationToken));
                    }
                    catch (Exception e) when (e is GitHubApiException or HttpRequestException or AttemptTimeoutException)
                    {
                        proposalFailure = new CommandFailure(ExitCodes.External, $"onboard: the commit is on {result.ProposalBranch}, but the pull request could not be opened: {e.Message}");
                    }
                }

                break;
            case RegenerateStatus.Invalid:
                reporter.ErrorLine("the configuration does not compile; nothing was committed");
                break;
            default:
                reporter.ErrorLine($"onboard: {result.Message}");
                break;
        }

        // Printed last, so the one report also says whether the pull request could be opened.
        if (json)
        {
            reporter.Raw(FileReportJson.Render(name, (result.Status is RegenerateStatus.UpToDate or RegenerateStatus.Committed or RegenerateStatus.Pushed) && proposalFailure is null,
                dryRun: false, result.Paths.Select(p => (p, result.Status == RegenerateStatus.Pushed ? "pushed" : "committed")), diagnostics));
        }

        if (proposalFailure is not null)
        {
            throw proposalFailure;
        }

        ActionsFiles.SetOutputs(context, [
            new("changed", result.Commit is null ? "false" : "true"),
            new("commit", result.Commit ?? string.Empty)]);
        return result.Status switch
        {
            RegenerateStatus.UpToDate or RegenerateStatus.Committed or RegenerateStatus.Pushed => ExitCodes.Ok,
            RegenerateStatus.Invalid or RegenerateStatus.Refused => ExitCodes.Invalid,
            _ => ExitCodes.External,
        };
    }
}
