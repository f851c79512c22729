using System.CommandLine;
using Onboarding.Cli.Output;
using Onboarding.Core.IssueForms;

namespace Onboarding.Cli.Commands;

/// <summary><c>parse-issue --template FORM.yml --body BODY.md</c>: the generic issue-form parser.</summary>
internal static class ParseIssueCommand
{
    public static Command Create(CliContext context)
    {
        var template = new Option<string>("--template")
        {
            Description = "The issue form (.github/ISSUE_TEMPLATE/*.yml) the issue was written with",
            Required = true,
        };
        var body = new Option<string>("--body")
        {
            Description = "A file holding the issue body as GitHub rendered it",
            Required = true,
        };
        var command = new Command("parse-issue", "Read an issue body back into its form fields and print them as JSON {field_id: value}");
        command.Options.Add(template);
        command.Options.Add(body);
        command.SetAction(result => Run(context, result.GetValue(template)!, result.GetValue(body)!));
        return command;
    }

    private static int Run(CliContext context, string templatePath, string bodyPath)
    {
        var reporter = new Reporter(context);
        if (InputFile.Missing(context, reporter, "--template", templatePath) || InputFile.Missing(context, reporter, "--body", bodyPath))
        {
            return ExitCodes.Usage;
        }

        var templateText = InputFile.Read(context, reporter, templatePath);
        var bodyText = InputFile.Read(context, reporter, bodyPath);
        if (templateText is null || bodyText is null)
        {
            return ExitCodes.Invalid;
        }

        var outcome = ParseIssue.Run(templateText, templatePath, bodyText, bodyPath);
        if (!outcome.Succeeded)
        {
            foreach (var diagnostic in outcome.Diagnostics)
            {
                reporter.ErrorLine(diagnostic.ToString());
            }

            return ExitCodes.Invalid;
        }

        // JSON escapes every line break inside a value, so no output line can start a workflow command.
        reporter.Raw(outcome.Json!);
        return ExitCodes.Ok;
    }
}
