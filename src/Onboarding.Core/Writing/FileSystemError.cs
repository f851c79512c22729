namespace Onboarding.Core.Writing;

/// <summary>
/// The tool's own words for a failed file operation: what the file system reported and how to fix it. The runtime's
/// messages are not used, since the published binary carries only their resource keys.
/// </summary>
public static class FileSystemError
{
    // errno values as Linux reports them; .NET passes an unmapped errno through as the IOException's HResult.
    public const int IsADirectory = 21;
    private const int NotPermitted = 1;
    private const int InputOutput = 5;
    private const int PermissionDenied = 13;
    private const int NotADirectory = 20;
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int TooManyLinks = 40;
    private const int QuotaExceeded = 122;

    private const string FreeSpace = "free space on the device, then run the command again";
    private const string GrantAccess = "give the user running onboard write access to it and its folder, then run the command again";
    private const string RemoveInTheWay = "remove what is in the way, then run the command again";

    /// <summary>What failed, as a phrase after "cannot be written: " or "cannot be read: ", and how to fix it.</summary>
    public static (string Cause, string Fix) Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException or IOException { HResult: PermissionDenied or NotPermitted } => ("permission denied", GrantAccess),
        PathTooLongException => ("the path is too long", "use a shorter path"),
        DirectoryNotFoundException => ("a folder on its path does not exist or is not a folder", RemoveInTheWay),
        FileNotFoundException => ("it does not exist", "check the path"),
        IOException { HResult: NoSpace } => ("no space left on the device", FreeSpace),
        IOException { HResult: QuotaExceeded } => ("the disk quota is exceeded", FreeSpace),
        IOException { HResult: ReadOnlyFileSystem } => ("the file system is read-only", "run onboard in a writable checkout"),
        IOException { HResult: IsADirectory } => ("a folder is in its place", RemoveInTheWay),
        IOException { HResult: NotADirectory } => ("a file is in the place of one of its folders", RemoveInTheWay),
        IOException { HResult: TooManyLinks } => ("a symbolic link on its path loops", "remove the link"),
        IOException { HResult: InputOutput } => ("the device reported an input/output error", "check the disk"),
        _ => ("the file system reported an error", "check the file system, then run the command again"),
    };
}
