using CliWrap;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>What one run of the command line printed and returned.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the real command line: in-process through <see cref="CliApplication"/> with its own
/// writers and variables (fast), or as a child process of the built onboard.dll (for what only a
/// process shows: that it survives, its real exit code).
/// </summary>
internal static class CliRun
{
    public static CliOutcome InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        InProcess(workingDirectory, variables, BuildProvenance.OfThisBinary, args);

    /// <summary>As if the binary had been built from <paramref name="build"/>'s repository and commit.</summary>
    public static CliOutcome InProcess(string workingDirectory, IReadOnlyDictionary<string, string>? variables, BuildProvenance build, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var context = new CliContext(output, error, name => variables is not null && variables.TryGetValue(name, out var v) ? v : null, workingDirectory) { Build = build };
        var code = Invoke(args, context);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The command line in-process, waited for: a run that hangs is cancelled after a generous limit, as
    /// SIGTERM would stop it, so a defect fails one test instead of stalling the suite.
    /// </summary>
    public static int Invoke(string[] args, CliContext context)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        return CliApplication.RunAsync(args, context, limit.Token).GetAwaiter().GetResult();
    }

    public static CliOutcome InProcess(string workingDirectory, params string[] args) => InProcess(workingDirectory, null, args);

    public static CliOutcome Process(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var result = ChildProcess.Run(Command(workingDirectory, variables, args), TimeSpan.FromSeconds(60));
        return new CliOutcome(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>The built onboard.dll as a child process, outside GitHub Actions unless the variables say so.</summary>
    public static Command Command(string workingDirectory, IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null };
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return CliWrap.Cli.Wrap("dotnet")
            .WithArguments(["exec", Path.Combine(AppContext.BaseDirectory, "onboard.dll"), .. args])
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(environment);
    }
}
