using System.CommandLine.Invocation;

namespace Onboarding.Cli;

/// <summary><c>onboard --version</c>: the version, and the commit and repository the binary was built from.</summary>
internal sealed class VersionAction(CliContext context) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        context.Out.WriteLine(context.Build.Describe());
        return ExitCodes.Ok;
    }
}
