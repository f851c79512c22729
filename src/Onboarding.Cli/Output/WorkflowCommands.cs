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
    /// Prints one of the tool's own workflow commands: the printing path neutralises every other line that
    /// would read as one.
    /// </summary>
    public static void Write(TextWriter writer, string command)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer is NeutralisingWriter neutralising)
        {
            neutralising.WriteCommand(command);
        }
        else
        {
            writer.WriteLine(command);
        }
    }
}
