using System.CommandLine;
using Onboarding.Cli.Output;
using Onboarding.Core.Processes;
using Onboarding.Core.Regeneration;

namespace Onboarding.Cli.Commands;

/// <summary><c>regenerate [--push] [--branch NAME] [--attempts N]</c>: one commit that makes generated/ a fresh compile.</summary>
internal static class RegenerateCommand
{
    public static Command Create(CliContext context)
    {
        var push = new Option<bool>("--push")
        {
            Description = $"Compile on the branch's head on '{Regenerator.Remote}' and push the commit there without force; when the branch moved meanwhile, fetch, recompile and try again",
        };
        var branch = new Option<string?>("--branch") { Description = "With --push: the branch to regenerate; default: the checked-out branch" };
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
        { push, branch, attempts };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(branch) is not null && !parsed.GetValue(push))
            {
                context.Error.WriteLine("onboard: --branch applies with --push only");
                return ExitCodes.Usage;
            }

            var root = context.ResolvePath(parsed.GetValue(CommonOptions.Root)!);
            var token = parsed.GetValue(push) ? PushToken(context) : null;
            return Report(context, parsed, "regenerate", () => Regenerator.Run(root,
                parsed.GetValue(push) ? RegenerateMode.Push : RegenerateMode.Local, parsed.GetValue(branch), parsed.GetValue(attempts), token));
        });
        return command;
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
    public static int Report(CliContext context, ParseResult parsed, string name, Func<RegenerateResult> run)
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
                    reporter.Line(result.Attempts > 1 ? $"pushed after {result.Attempts} attempts (the branch moved meanwhile)" : "pushed");
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
