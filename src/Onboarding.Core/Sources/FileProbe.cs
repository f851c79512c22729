using System.Runtime.InteropServices;

namespace Onboarding.Core.Sources;

/// <summary>
/// Tells what a path is before anything opens it. .NET reports FIFOs, sockets and devices as ordinary files,
/// and opening a FIFO blocks until a writer appears, so on Linux the type comes from <c>statx</c> (whose
/// layout is the same on every architecture).
/// </summary>
public static partial class FileProbe
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    /// <param name="followLinks">True reports what a link leads to (a file named on the command line); false reports the link itself.</param>
    public static FileKind KindOf(string path, bool followLinks = false)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxSize];
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error is NoSuchFile or NotADirectory
                    ? FileKind.Missing
                    : throw new IOException($"cannot read the file type of {path} (errno {error})");
            }

            return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
            {
                RegularFile => FileKind.File,
                Directory => FileKind.Folder,
                SymbolicLink => FileKind.Link,
                _ => FileKind.Special,
            };
        }

        // Elsewhere: what .NET can tell (Windows has no FIFOs in a working tree).
        var info = new FileInfo(path);
        return info.LinkTarget is not null && !followLinks ? FileKind.Link
            : info.Exists ? FileKind.File
            : System.IO.Directory.Exists(path) ? FileKind.Folder
            : FileKind.Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
