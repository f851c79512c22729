namespace Onboarding.Cli.Output;

/// <summary>The "problems" array of a --json report: each problem of an issue body as an object, under its form field.</summary>
internal static class ProblemsJson
{
    /// <param name="file">The issue body the problems were found in (a file, or <c>issue #N</c>).</param>
    public static void Write(Utf8JsonWriter w, string file, IEnumerable<IssueFormProblem> problems)
    {
        w.WriteObjects("problems", problems, (w, problem) =>
        {
            w.WriteString("file", file);
            w.WriteNumber("line", problem.Line ?? 1);
            w.WriteNumber("column", 1);
            w.WriteString("code", problem.Code);
            w.WriteString("message", problem.MessageText);
            w.WriteString("hint", problem.Hint);
            w.WriteStringOrNull("field", problem.FieldLabel);
            w.WriteStringOrNull("field_id", problem.FieldId);
        });
    }
}
