namespace Onboarding.Cli.Output;

/// <summary>The --json form of the GitHub commands (issue --event, backfill): status, message, changes, calls, diagnostics.</summary>
internal static class OutcomeJson
{
    /// <param name="problems">The problems of the issue body and the name it is reported under (issue --event); none for other commands.</param>
    public static string Render(string command, bool ok, bool dryRun, string status, string message, IEnumerable<string> changes, IEnumerable<string> calls, IEnumerable<Diagnostic> diagnostics,
        (string File, IEnumerable<IssueFormProblem> List)? problems = null) =>
        JsonReport.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("command", command);
            w.WriteBoolean("ok", ok);
            w.WriteBoolean("dry_run", dryRun);
            w.WriteString("status", status);
            w.WriteString("message", message);
            w.WriteStrings("changes", changes);
            w.WriteStrings("calls", calls);
            ProblemsJson.Write(w, problems?.File ?? string.Empty, problems?.List ?? []);
            DiagnosticsJson.Write(w, diagnostics);
            w.WriteEndObject();
        });
}
