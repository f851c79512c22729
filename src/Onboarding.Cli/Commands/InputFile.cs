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

    /// <summary>
    /// The text of a file named on the command line. A FIFO or device is refused before it is opened, and at most
    /// <paramref name="maxChars"/> characters' worth of bytes (plus one) are read, so a huge file costs no memory.
    /// </summary>
    /// <exception cref="CommandFailure">Invalid input: the file cannot be read; a usage error: it no longer exists.</exception>
    public static Task<string> ReadAsync(CliContext context, string path, int maxChars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // A UTF-8 character is at most 4 bytes: a file cut here is over the character limit anyway.
            var bytes = InputFileReader.Read(context.ResolvePath(path), (4 * maxChars) + 1)
                ?? throw CommandFailure.Usage($"onboard: no such file: {path}");
            return Task.FromResult(InputText.Decode(bytes));
        }
        catch (UnusableFileException e)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"onboard: {Display.Quote(path, 200)} {e.Problem}; {e.Hint}");
        }
    }
}
