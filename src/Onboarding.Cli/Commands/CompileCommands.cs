namespace Onboarding.Cli.Commands;

/// <summary><c>validate</c>, <c>compile [--check]</c> and <c>check</c>: one core call each, then output and exit code.</summary>
internal static class CompileCommands
{
    public static Command Validate(CliContext context)
    {
        var command = new Command("validate", "Check onboarding.yaml and teams/*.yaml: schema, policy and cross-file rules");
        command.SetAction((result, cancellationToken) => RunAsync(context, result, "validate", CompileMode.Validate, cancellationToken));
        return command;
    }

    public static Command Compile(CliContext context)
    {
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 if any generated file would change, and show the changes per environment",
        };
        var command = new Command("compile", "Validate, then write generated/<env>/ artifacts and generated/manifest.json");
        command.Options.Add(check);
        command.SetAction((result, cancellationToken) => result.GetValue(check)
            ? RunAsync(context, result, "compile --check", CompileMode.Check, cancellationToken)
            : RunAsync(context, result, "compile", CompileMode.Write, cancellationToken));
        return command;
    }

    public static Command Check(CliContext context)
    {
        var fix = new Option<bool>("--fix")
        {
            Description = "On a pull request from a branch of this repository (read from GITHUB_EVENT_PATH), commit the regenerated artifacts to that branch and push them instead of failing; refused for forks",
        };
        var command = new Command("check", "The pull-request check: compile --check with a job summary and annotations") { fix };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!result.GetValue(fix))
            {
                return await RunAsync(context, result, "check", CompileMode.Check, cancellationToken);
            }

            var fixResult = await CheckFix.RunAsync(context.ResolvePath(result.GetValue(CommonOptions.Root)!), context.Variable("GITHUB_EVENT_PATH"), RegenerateCommand.PushToken(context), cancellationToken);
            return await RegenerateCommand.ReportAsync(context, result, "check --fix", fixResult, null, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ParseResult parsed, string name, CompileMode mode, CancellationToken cancellationToken)
    {
        var json = parsed.GetValue(CommonOptions.Json);
        var reporter = new Reporter(context) { Json = json };
        var outcome = await PlatformCompilation.RunAsync(context.ResolvePath(parsed.GetValue(CommonOptions.Root)!), mode, StageTimes.From(context), cancellationToken);

        reporter.Diagnostics(outcome.Diagnostics);
        if (json)
        {
            reporter.Raw(CompileReportJson.Render(name, outcome) + "\n");
        }
        else if (!outcome.HasErrors || outcome.Environments.Count > 0)
        {
            reporter.Line(CompileReportText.Render(outcome));
        }

        if (!outcome.HasErrors && mode == CompileMode.Validate && !json)
        {
            reporter.Line("valid");
        }

        ActionsFiles.AppendSummary(context, CompileReportMarkdown.Render(name, outcome));
        ActionsFiles.SetOutputs(context, [new("changed", outcome.Changed ? "true" : "false")]);

        if (outcome.HasErrors)
        {
            var errors = outcome.Diagnostics.Count(d => d.Severity == Core.Diagnostics.Severity.Error);
            reporter.ErrorLine(mode == CompileMode.Write ? $"{errors} errors; nothing was written" : $"{errors} errors");
            return ExitCodes.Invalid;
        }

        return mode == CompileMode.Check && outcome.Changed ? ExitCodes.Invalid : ExitCodes.Ok;
    }
}
