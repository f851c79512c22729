using Onboarding.Cli;

namespace Onboarding.Cli.Tests;

/// <summary>Runs the real command line in-process, in a given working folder, capturing what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun In(string directory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = CliApplication.Run(args, new CliContext(output, error, _ => null, directory));
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
