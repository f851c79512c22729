using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Onboarding.Core.Sources;

/// <summary>
/// A file of a folder already walked, opened on Linux by one <c>open(2)</c> and checked on the descriptor: nothing
/// can swap the file for a FIFO between a check and the open. O_NOFOLLOW makes a symbolic link at the last name
/// fail (ELOOP) instead of being followed, and O_NONBLOCK makes the open of a FIFO return at once instead of waiting
/// for a writer; the type then comes from <c>statx</c> on the descriptor, and only a regular file is kept open.
/// O_NONBLOCK stays set: reads of a regular file ignore it. O_NOCTTY keeps a terminal device from becoming the
/// process's controlling terminal in the moment it is open. (A device node cannot come from a git checkout: only
/// mknod by a privileged user makes one.)
/// </summary>
internal sealed partial class RegularFileStream : Stream
{
    // open(2) and statx flags as Linux defines them on x64 and arm64 alike (only O_NOFOLLOW differs, below).
    private const int ReadOnly = 0;
    private const int NoControllingTerminal = 0x100;
    private const int NonBlock = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeAndSize = 0x1 | 0x200;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    // errno values, the same on every architecture that has NoFollow below.
    private const int NotPermitted = 1;
    private const int NoSuchFile = 2;
    private const int Interrupted = 4;
    private const int NoSuchDeviceOrAddress = 6;
    private const int PermissionDenied = 13;
    private const int NoSuchDevice = 19;
    private const int NotADirectory = 20;
    private const int NameTooLong = 36;
    private const int TooManyLinks = 40;

    /// <summary>O_NOFOLLOW differs between architectures; where its value is not known here, the portable path is used.</summary>
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 0x20000,
        Architecture.Arm64 => 0x8000,
        _ => 0,
    };

    private readonly SafeFileHandle _handle;
    private readonly long _length;

    private RegularFileStream(SafeFileHandle handle, long length)
    {
        _handle = handle;
        _length = length;
    }

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && NoFollow != 0;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The size when the file was opened.</summary>
    public override long Length => _length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// What <paramref name="path"/> names, without following a link at its last name, and the open stream when it is
    /// a regular file. A socket, a device without a driver and a FIFO, device or folder that did open are
    /// <see cref="FileKind.Special"/> or <see cref="FileKind.Folder"/>, closed unread; a link is <see cref="FileKind.Link"/>.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    /// <exception cref="IOException">Another error; the errno is the HResult.</exception>
    public static (FileKind Kind, RegularFileStream? Stream) Open(string path)
    {
        var descriptor = OpenFile(path, ReadOnly | NoFollow | NonBlock | NoControllingTerminal | CloseOnExec, 0);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error switch
            {
                NoSuchFile or NotADirectory => (FileKind.Missing, null),
                TooManyLinks => (FileKind.Link, null),
                NoSuchDeviceOrAddress or NoSuchDevice => (FileKind.Special, null),
                _ => throw Failure(error, path),
            };
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        try
        {
            Span<byte> status = stackalloc byte[StatxSize];
            if (Statx(descriptor, string.Empty, AtEmptyPath, StatxTypeAndSize, ref MemoryMarshal.GetReference(status)) != 0)
            {
                throw Failure(Marshal.GetLastPInvokeError(), path);
            }

            var kind = (BitConverter.ToUInt16(status[ModeOffset..]) & TypeMask) switch
            {
                RegularFile => FileKind.File,
                Directory => FileKind.Folder,
                _ => FileKind.Special,
            };
            if (kind != FileKind.File)
            {
                handle.Dispose();
                return (kind, null);
            }

            return (kind, new RegularFileStream(handle, BitConverter.ToInt64(status[SizeOffset..])));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var read = ReadFile((int)_handle.DangerousGetHandle(), ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (read >= 0)
            {
                return (int)read;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                throw Failure(error, "the file");
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The exception .NET's own file APIs throw for <paramref name="error"/>, so callers describe it the same way.</summary>
    private static Exception Failure(int error, string path) => error switch
    {
        PermissionDenied or NotPermitted => new UnauthorizedAccessException($"permission denied: {path}"),
        NameTooLong => new PathTooLongException($"path too long: {path}"),
        _ => new IOException($"cannot read {path} (errno {error})", error),
    };

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenFile(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int descriptor, string path, int flags, uint mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadFile(int descriptor, ref byte buffer, nuint count);
}
