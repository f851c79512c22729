namespace Onboarding.Cli.Commands;

/// <summary>Files named on the command line: a path that names no file is a usage error, an unreadable file invalid input.</summary>
internal static class InputFile
{
    /// <exception cref="CommandFailure">A usage error: no such file.</exception>
    public static void RequireExisting(CliContext context, string option, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(context.ResolvePath(path)))
        {
            throw CommandFailure.Usage($"onboard: {option}: no such file: {path}");
        }
    }

    /// <exception cref="CommandFailure">Invalid input: the file cannot be read.</exception>
    public static async Task<string> ReadAsync(CliContext context, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await File.ReadAllTextAsync(context.ResolvePath(path), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"onboard: cannot read {path}: {e.Message}");
        }
    }
}
