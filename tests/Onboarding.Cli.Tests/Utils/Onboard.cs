namespace Onboarding.Cli.Tests.Utils;

/// <summary>Runs <c>onboard</c> in-process with its own writers, variables and working folder.</summary>
internal static class Onboard
{
    public static OnboardRun Run(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, name => variables is not null && variables.TryGetValue(name, out var value) ? value : null, workingDirectory);
        var exit = CliApplication.Run(args, context);
        return new OnboardRun(exit, output.ToString(), error.ToString());
    }

    public static OnboardRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);
}
