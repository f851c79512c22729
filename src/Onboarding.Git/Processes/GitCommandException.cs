namespace Onboarding.Git.Processes;

/// <summary>
/// git ran and failed (or could not be started). Carries what a person needs to see why: the command, its
/// exit code and what git wrote on stderr.
/// </summary>
public sealed class GitCommandException : Exception
{
    public GitCommandException(IReadOnlyList<string> arguments, int exitCode, string standardError)
        : base(Describe(arguments, exitCode, standardError))
    {
        Arguments = arguments;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>git's exit code; -1 when git could not be started or was stopped after the time limit.</summary>
    public int ExitCode { get; }

    public string StandardError { get; }

    private static string Describe(IReadOnlyList<string> arguments, int exitCode, string standardError)
    {
        var command = "git " + string.Join(' ', arguments);
        var reason = standardError.Trim();
        return exitCode < 0
            ? $"{command}: {reason}"
            : $"{command} failed with exit code {exitCode}" + (reason.Length == 0 ? string.Empty : $": {reason}");
    }
}
