namespace Onboarding.Cli.Output;

/// <summary>
/// Everything a command prints. Human text goes to stdout, diagnostics to stderr as
/// <c>path:line:col: error CODE: message; hint</c>; under GitHub Actions each diagnostic is also an
/// annotation. The writers are <see cref="NeutralisingWriter"/>s: every line printed is neutralised there. With
/// <c>--json</c> stdout holds the one JSON report and nothing else: annotations then go to stderr, where the runner
/// reads workflow commands too.
/// </summary>
internal sealed class Reporter(CliContext context)
{
    public bool Json { get; init; }

    public void Line(string text = "")
    {
        if (!Json)
        {
            WriteOut(text);
        }
    }

    /// <summary>Writes <paramref name="text"/> to stdout as it is: the command's JSON report, or a file it prints.</summary>
    public void Raw(string text)
    {
        context.Out.Write(text);
        context.ReportWritten = true;
    }

    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            // One line per diagnostic: a line break inside a value shows as \n instead of starting a line of its own.
            context.Error.WriteLine(ConsoleText.OneLine(diagnostic.ToString()));
            if (context.InGitHubActions)
            {
                WorkflowCommands.Write(Json ? context.Error : context.Out, WorkflowCommands.Annotation(
                    diagnostic.SeverityText, diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column,
                    diagnostic.Code, diagnostic.Text));
            }
        }
    }

    public void ErrorLine(string text) => context.Error.WriteLine(text);

    private void WriteOut(string text) => context.Out.WriteLine(text);
}
