namespace Onboarding.Cli;

/// <summary>
/// An expected failure of a command (a usage error, a missing variable, a file that cannot be read): the
/// message for the user and the exit code it means. <see cref="CliApplication"/> prints it and exits with it.
/// </summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CommandFailure()
    {
    }

    public CommandFailure(string message)
        : this(ExitCodes.Invalid, message)
    {
    }

    public CommandFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Invalid;
    }

    public int ExitCode { get; } = ExitCodes.Invalid;

    public static CommandFailure Usage(string message) => new(ExitCodes.Usage, message);
}
