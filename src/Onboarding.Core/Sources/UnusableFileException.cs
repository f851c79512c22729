namespace Onboarding.Core.Sources;

/// <summary>
/// A file or folder of the repository that the tool refuses to use as it is: a link leaving the repository, a
/// FIFO, socket or device, a folder where a file belongs (or the reverse), or one that cannot be read. Carries
/// what to tell the user; the message never holds the file's content.
/// </summary>
public sealed class UnusableFileException : Exception
{
    public UnusableFileException(string path, string code, string message, string hint)
        : base($"{path}: {message}")
    {
        FilePath = path;
        Code = code;
        Problem = message;
        Hint = hint;
    }

    public UnusableFileException()
        : this(string.Empty, DiagnosticCodes.UnreadableFile, "cannot be read", "check the file")
    {
    }

    public UnusableFileException(string message)
        : this(string.Empty, DiagnosticCodes.UnreadableFile, message, "check the file")
    {
    }

    public UnusableFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Code = DiagnosticCodes.UnreadableFile;
        Problem = message;
        Hint = "check the file";
    }

    /// <summary>The repository-relative path, '/'-separated.</summary>
    public string FilePath { get; }

    public string Code { get; }

    public string Problem { get; }

    public string Hint { get; }

    public Diagnostic ToDiagnostic() => new(Severity.Error, Code, SourceLocation.StartOf(FilePath), $"{Display.Quote(FilePath, 200)} {Problem}", Hint);
}
