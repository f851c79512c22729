using System.Text;

namespace Onboarding.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…::message</c>). Data is escaped as the runner
/// expects so a message can never end the command early or start a second one.
/// </summary>
internal static class WorkflowCommands
{
    public static string Annotation(string level, string file, int line, int column, string title, string message) =>
        $"::{level} file={EscapeProperty(file)},line={line},col={column},title={EscapeProperty(title)}::{EscapeData(message)}";

    public static string EscapeData(string value) => new StringBuilder(value)
        .Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    public static string EscapeProperty(string value) => new StringBuilder(EscapeData(value))
        .Replace(":", "%3A").Replace(",", "%2C").ToString();

    /// <summary>
    /// Makes a line that is not one of the tool's own commands harmless to the runner: a leading
    /// "::" would otherwise be read as a command (add-mask, stop-commands, error...).
    /// </summary>
    public static string Neutralise(string line) =>
        line.TrimStart().StartsWith("::", StringComparison.Ordinal) ? " " + line.Replace("::", ":\u200B:", StringComparison.Ordinal) : line;
}
