using System.CommandLine;
using Onboarding.Cli.Output;
using Onboarding.Git.Processes;
using Onboarding.Git.Regeneration;
using Onboarding.GitHub;
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
        command.SetAction(parsed =>
        {
            var mode = parsed.GetValue(pr) ? RegenerateMode.PullRequest : parsed.GetValue(push) ? RegenerateMode.Push : RegenerateMode.Local;
            if (parsed.GetValue(push) && parsed.GetValue(pr))
            {
                context.Error.WriteLine("onboard: choose one of --push and --pr");
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(branch) is not null && mode == RegenerateMode.Local)
            {
                context.Error.WriteLine("onboard: --branch applies with --push or --pr only");
                return ExitCodes.Usage;
            }

            var github = PlatformRepositoryEnvironment.Read(context);
            if (mode == RegenerateMode.PullRequest && (github is null || string.IsNullOrWhiteSpace(context.Variable("GITHUB_TOKEN"))))
            {
                context.Error.WriteLine("onboard regenerate --pr: GITHUB_TOKEN must hold a token that can push and open pull requests, GITHUB_REPOSITORY must name the platform repository as owner/name, and GITHUB_API_URL (when set) must be an https URL");
                return ExitCodes.Usage;
            }

            var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
            var token = mode == RegenerateMode.Local ? null : PushToken(context);
            return Report(context, parsed, "regenerate",
                () => Regenerator.Run(root, mode, parsed.GetValue(branch), parsed.GetValue(attempts), token),
                mode == RegenerateMode.PullRequest ? result => Propose(context, github!, token!, result) : null);
        });
        return command;
    }

    /// <summary>Opens the one regeneration pull request, or refreshes it; returns the line to print.</summary>
    private static string Propose(CliContext context, PlatformRepositoryEnvironment github, string token, RegenerateResult result)
    {
        using var http = context.GitHubClientFactory is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : null;
        using var client = context.GitHubClientFactory?.Invoke(github.Api, token)
            ?? new GitHubClient(http!, new GitHubClientOptions { BaseAddress = github.Api, Token = token });
        var (pullRequest, created) = RegenerationPullRequest.EnsureAsync(client, github.Owner, github.Repo, result.ProposalBranch!, result.Branch!,
            result.Base!, result.Paths.Count, CancellationToken.None).GetAwaiter().GetResult();
        ActionsFiles.SetOutputs(context, [new("pr-url", pullRequest.HtmlUrl), new("pr-number", pullRequest.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return created ? $"opened pull request #{pullRequest.Number}: {pullRequest.HtmlUrl}" : $"pull request #{pullRequest.Number} carries it: {pullRequest.HtmlUrl}";
    }

    /// <summary>
    /// GITHUB_TOKEN, when set, is what git pushes with over HTTPS. Under Actions the header derived from it
    /// is masked first, so no log line can show it.
    /// </summary>
    public static string? PushToken(CliContext context)
    {
        var token = context.Variable("GITHUB_TOKEN")?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (context.InGitHubActions)
        {
            var header = GitPushAuth.Header(token);
            context.Out.WriteLine($"::add-mask::{header[(header.LastIndexOf(' ') + 1)..]}");
        }

        return token;
    }

    /// <summary>Runs a regeneration and maps its result to output and an exit code (shared with <c>check --fix</c>).</summary>
    public static int Report(CliContext context, ParseResult parsed, string name, Func<RegenerateResult> run, Func<RegenerateResult, string>? propose = null)
    {
        var json = parsed.GetValue(CommonOptions.Json);
        var reporter = new Reporter(context) { Json = json };
        RegenerateResult result;
        try
        {
            result = run();
        }
        catch (GitCommandException e)
        {
            reporter.ErrorLine($"onboard: {e.Message}");
            return ExitCodes.External;
        }

        var diagnostics = result.Compile?.Diagnostics ?? [];
        reporter.Diagnostics(diagnostics);
        if (json)
        {
            reporter.Raw(FileReportJson.Render(name, result.Status is RegenerateStatus.UpToDate or RegenerateStatus.Committed or RegenerateStatus.Pushed,
                dryRun: false, result.Paths.Select(p => (p, result.Status == RegenerateStatus.Pushed ? "pushed" : "committed")), diagnostics));
        }

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
                        reporter.Line(propose(result));
                    }
                    catch (Exception e) when (e is GitHubApiException or HttpRequestException or AttemptTimeoutException)
                    {
                        reporter.ErrorLine($"onboard: the commit is on {result.ProposalBranch}, but the pull request could not be opened: {e.Message}");
                        return ExitCodes.External;
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
