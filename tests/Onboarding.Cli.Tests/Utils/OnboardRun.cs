namespace Onboarding.Cli.Tests.Utils;

/// <summary>What one in-process run of the real command line printed and returned.</summary>
internal sealed record OnboardRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
