namespace Onboarding.Cli.Output;

/// <summary>
/// The --json report of a run that ended before its command could report: a usage error, an expected failure or
/// a defect. Printed only when the command printed no report of its own, so stdout always holds exactly one document.
/// </summary>
internal static class FailureJson
{
    /// <returns><paramref name="exitCode"/>, for the caller to return.</returns>
    public static int Print(CliContext context, bool json, ParseResult parsed, int exitCode, string message)
    {
        if (json && !context.ReportWritten)
        {
            context.Out.Write(JsonReport.Render(w =>
            {
                w.WriteStartObject();
                w.WriteString("command", CommandName(parsed));
                w.WriteBoolean("ok", false);
                w.WriteNumber("exit_code", exitCode);
                w.WriteString("error", message);
                w.WriteStartArray("problems");
                w.WriteEndArray();
                w.WriteStartArray("diagnostics");
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            context.ReportWritten = true;
        }

        return exitCode;
    }

    /// <summary>The command as typed after <c>onboard</c>, e.g. <c>pipelines render</c>.</summary>
    private static string CommandName(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names.Skip(1));
    }
}
