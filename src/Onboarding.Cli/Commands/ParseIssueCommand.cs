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
        command.SetAction((result, cancellationToken) => RunAsync(context, result.GetValue(template)!, result.GetValue(body)!, result.GetValue(CommonOptions.Json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string templatePath, string bodyPath, bool json, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(context) { Json = json };
        InputFile.RequireExisting(context, "--template", templatePath);
        InputFile.RequireExisting(context, "--body", bodyPath);
        var templateText = await InputFile.ReadAsync(context, templatePath, IssueFormTemplateReader.MaxTemplateChars, cancellationToken);
        var bodyText = await InputFile.ReadAsync(context, bodyPath, IssueFormParser.MaxBodyChars, cancellationToken);

        var outcome = ParseIssue.Run(templateText, templatePath, bodyText, bodyPath);
        if (json)
        {
            reporter.Raw(Report(outcome, bodyPath));
        }

        if (!outcome.Succeeded)
        {
            foreach (var diagnostic in outcome.Diagnostics)
            {
                reporter.ErrorLine(diagnostic.ToString());
            }

            return ExitCodes.Invalid;
        }

        // JSON escapes every line break inside a value, so no output line can start a workflow command.
        if (!json)
        {
            reporter.Raw(outcome.Json!);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The --json report: the values under "fields" (the plain output's object), or the problems of the body as
    /// objects, or the template's own defect under "diagnostics".
    /// </summary>
    private static string Report(ParseIssueOutcome outcome, string bodyPath) => JsonReport.Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("command", "parse-issue");
        w.WriteBoolean("ok", outcome.Succeeded);
        w.WritePropertyName("fields");
        if (outcome.Json is { } fields)
        {
            w.WriteRawValue(fields);
        }
        else
        {
            w.WriteNullValue();
        }

        ProblemsJson.Write(w, bodyPath, outcome.Problems);
        w.WriteObjects("diagnostics", outcome.Problems.Count > 0 ? [] : outcome.Diagnostics, static (w, diagnostic) =>
        {
            w.WriteString("severity", "error");
            w.WriteString("code", diagnostic.Code);
            w.WriteString("file", diagnostic.File);
            w.WriteNumber("line", diagnostic.Line);
            w.WriteNumber("column", diagnostic.Column);
            w.WriteString("message", diagnostic.Message);
            w.WriteNull("hint");
        });
        w.WriteEndObject();
    });
}
