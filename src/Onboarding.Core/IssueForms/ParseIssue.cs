namespace Onboarding.Core.IssueForms;

/// <summary>The core of <c>onboard parse-issue --template FORM.yml --body BODY.md</c>.</summary>
public static class ParseIssue
{
    /// <param name="templateText">The issue-form YAML.</param>
    /// <param name="templatePath">Where the template came from, for messages.</param>
    /// <param name="body">The issue body as GitHub delivered it (LF or CRLF).</param>
    /// <param name="bodyPath">Where the body came from, for messages.</param>
    public static ParseIssueOutcome Run(string templateText, string templatePath, string body, string bodyPath)
    {
        IssueFormTemplate template;
        try
        {
            template = IssueFormTemplate.Parse(templateText, templatePath);
        }
        catch (IssueFormTemplateException e)
        {
            return new ParseIssueOutcome(null, [e.ToDiagnostic()], []);
        }

        var result = IssueFormParser.Parse(template, body);
        return result.IsValid
            ? new ParseIssueOutcome(IssueFormJsonWriter.Write(template, result.Values), [], [])
            : new ParseIssueOutcome(null, [.. result.Problems.Select(problem => problem.ToDiagnostic(bodyPath))], result.Problems);
    }
}
