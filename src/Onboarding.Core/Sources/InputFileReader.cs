namespace Onboarding.Core.Sources;

/// <summary>
/// Reads a file named on the command line (<c>--body</c>, <c>--template</c>, <c>--from</c>): its type is checked
/// before it is opened, so a FIFO or a device such as /dev/zero is refused instead of blocking or filling memory,
/// and at most the caller's limit + 1 bytes are read, so an oversized file is recognised without being read whole.
/// </summary>
public static class InputFileReader
{
    /// <param name="path">The file's path as given.</param>
    /// <param name="maxBytes">The most the caller accepts; one byte more is read to tell that a file is larger.</param>
    /// <returns>The bytes, or null when there is no such file.</returns>
    /// <exception cref="UnusableFileException">A folder, a FIFO, socket or device, or a file that cannot be read.</exception>
    public static byte[]? Read(string path, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileKind kind;
        try
        {
            kind = FileProbe.KindOf(path, followLinks: true);
        }
        catch (IOException)
        {
            kind = FileKind.Missing;
        }

        switch (kind)
        {
            case FileKind.Missing:
                return null;
            case FileKind.Folder:
                throw new UnusableFileException(path, DiagnosticCodes.NotARegularFile, "is a folder, not a file", "name the file itself");
            case FileKind.Special:
                throw new UnusableFileException(path, DiagnosticCodes.NotARegularFile, "is a FIFO, socket or device, not a regular file",
                    "save the input to a regular file and name that file: a FIFO or device could block or never end");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var content = new byte[(int)Math.Min(stream.Length, maxBytes + 1L)];
            stream.ReadExactly(content);
            return content;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UnusableFileException(path, DiagnosticCodes.UnreadableFile,
                e is UnauthorizedAccessException ? "cannot be read: permission denied" : "cannot be read: the file system reported an error",
                e is UnauthorizedAccessException ? "give the user running onboard read access to it" : "check the file, then run the command again");
        }
    }
}
