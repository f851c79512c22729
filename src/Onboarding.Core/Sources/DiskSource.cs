using System.Collections.Concurrent;
using System.IO.Enumeration;

namespace Onboarding.Core.Sources;

/// <summary>
/// A platform repository's working tree on disk. Only regular files and folders inside the repository are
/// used: a symbolic link is followed only while it stays inside the root, and a FIFO, socket or device is
/// refused before anything reads it (on Linux a file is opened once and checked on the descriptor, see
/// <see cref="RegularFileStream"/>; elsewhere its type is checked before it is opened). Reads stop one byte past
/// the caller's limit.
/// </summary>
public sealed class DiskSource : PlatformSource
{
    private const int CompareChunk = 64 * 1024;
    private const int MaxLinkHops = 40;

    /// <summary>Every entry, hidden ones included, as <see cref="Directory.EnumerateFileSystemEntries(string)"/> lists them.</summary>
    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = FileAttributes.None };

    private readonly string _realRoot;

    /// <summary>Folders already walked in this run: ten thousand team files share one walk of teams/.</summary>
    private readonly ConcurrentDictionary<string, (string Path, FileKind Kind)> _folders = new(StringComparer.Ordinal);

    public DiskSource(string root)
    {
        Root = Path.GetFullPath(root);
        _realRoot = RealPath(Root, 0);
    }

    public string Root { get; }

    public override string Description => Root;

    public override ValueTask<SourceFolder?> ListAsync(string folder, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (full, kind) = Locate(folder);
        switch (kind)
        {
            case FileKind.Missing:
                return ValueTask.FromResult<SourceFolder?>(null);
            case FileKind.Folder:
                break;
            default:
                throw new UnusableFileException(folder, DiagnosticCodes.NotARegularFile, $"is {Describe(kind)}, not a folder", $"make {folder} a folder of the repository");
        }

        var files = new List<string>();
        var folders = new List<string>();
        try
        {
            foreach (var (name, isDirectory) in new FileSystemEnumerable<(string, bool)>(full, (ref entry) => (entry.FileName.ToString(), entry.IsDirectory), EveryEntry))
            {
                // On Linux the listing (d_type) tells a file from a folder without a statx; IsDirectory follows a link
                // (and stats an entry of unknown type), so only what may be a folder is probed: a link to a folder is listed as a file.
                var isFolder = (isDirectory || !OperatingSystem.IsLinux()) && FileProbe.KindOf(Path.Join(full, name)) == FileKind.Folder;
                (isFolder ? folders : files).Add(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(folder, e);
        }

        files.Sort(StringComparer.Ordinal);
        folders.Sort(StringComparer.Ordinal);
        return ValueTask.FromResult<SourceFolder?>(new SourceFolder(files, folders));
    }

    public override ValueTask CheckFolderAsync(string folder, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (_, kind) = Locate(folder);
        return kind is FileKind.Missing or FileKind.Folder
            ? ValueTask.CompletedTask
            : throw new UnusableFileException(folder, DiagnosticCodes.NotARegularFile, $"is {Describe(kind)}, not a folder", $"make {folder} a folder of the repository");
    }

    public override ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = OpenFile(path);
        if (stream is null)
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        try
        {
            var content = new byte[(int)Math.Min(stream.Length, maxBytes + 1L)];
            stream.ReadExactly(content);
            return ValueTask.FromResult<byte[]?>(content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    public override ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(LocateFile(path) is not null);

    /// <summary>Streams the file against the expected bytes: a file of another size is not read at all.</summary>
    public override ValueTask<bool> HoldsAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var stream = OpenFile(path);
        if (stream is null)
        {
            return ValueTask.FromResult(false);
        }

        try
        {
            if (stream.Length != content.Length)
            {
                // Artifacts are written with LF; a checkout that turned them into CRLF still holds the same content.
                if (stream.Length <= content.Length || stream.Length > 2L * content.Length)
                {
                    return ValueTask.FromResult(false);
                }

                var whole = new byte[stream.Length];
                stream.ReadExactly(whole);
                return ValueTask.FromResult(CrLfNormalizer.ToLf(whole).SequenceEqual(content.Span));
            }

            var expected = content.Span;
            Span<byte> chunk = new byte[Math.Min(CompareChunk, Math.Max(1, content.Length))];
            var offset = 0;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (offset + read > expected.Length || !chunk[..read].SequenceEqual(expected.Slice(offset, read)))
                {
                    return ValueTask.FromResult(false);
                }

                offset += read;
            }

            return ValueTask.FromResult(offset == expected.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>The regular file opened for reading, or null when there is none.</summary>
    private Stream? OpenFile(string path)
    {
        if (RegularFileStream.IsSupported && Parent(path) is var (folder, kind, name))
        {
            return kind == FileKind.Folder ? OpenWithoutRace(path, Path.Combine(folder, name)) : null;
        }

        var full = LocateFile(path);
        if (full is null)
        {
            return null;
        }

        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>
    /// The folder that holds the last name of <paramref name="relative"/>, walked as <see cref="Locate"/> walks it
    /// (and remembered), and that name; null when the last name is not a plain name.
    /// </summary>
    private (string Folder, FileKind Kind, string Name)? Parent(string relative)
    {
        var trimmed = relative.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        var name = trimmed[(slash + 1)..];
        if (name is "" or "." or ".." || name.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var (folder, kind) = slash < 0 ? (_realRoot, FileKind.Folder) : _folders.GetOrAdd(relative[..slash], Locate);
        return (folder, kind, name);
    }

    /// <summary>
    /// Opens a file of a folder already walked with one open(2) that follows no link and never waits for a FIFO; a
    /// link at the last name is walked as <see cref="Locate"/> walks it, followed only while it stays inside the repository.
    /// </summary>
    private RegularFileStream? OpenWithoutRace(string path, string full)
    {
        var (kind, stream) = Open(path, full);
        if (kind == FileKind.Link)
        {
            var target = LocateFile(path);
            if (target is null)
            {
                return null;
            }

            (kind, stream) = Open(path, target);
            if (kind == FileKind.Link)
            {
                // The real path just walked became a link since.
                throw new UnusableFileException(path, DiagnosticCodes.LinkLeavesRepository,
                    "is a symbolic link that changed while it was read", "run the command again once nothing changes the repository");
            }
        }

        return kind switch
        {
            FileKind.Missing => null,
            FileKind.File => stream,
            _ => throw NotARegularFile(path, kind),
        };

        static (FileKind Kind, RegularFileStream? Stream) Open(string path, string full)
        {
            try
            {
                return RegularFileStream.Open(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Unreadable(path, e);
            }
        }
    }

    /// <summary>The real path of a regular file, or null when there is none.</summary>
    private string? LocateFile(string path)
    {
        var (full, kind) = Locate(path);
        return kind switch
        {
            FileKind.Missing => null,
            FileKind.File => full,
            _ => throw NotARegularFile(path, kind),
        };
    }

    private static UnusableFileException NotARegularFile(string path, FileKind kind) =>
        new(path, DiagnosticCodes.NotARegularFile, $"is {Describe(kind)}, not a regular file",
            kind == FileKind.Special ? "remove it: only regular files are read, a FIFO or device could block or never end" : $"make {path} a regular file");

    /// <summary>
    /// Walks <paramref name="relative"/> from the root one name at a time, following each link only while it stays
    /// inside the repository; returns the real path and what it is.
    /// </summary>
    private (string Path, FileKind Kind) Locate(string relative)
    {
        var slash = relative.TrimEnd('/').LastIndexOf('/');
        var (current, kind) = slash < 0 ? (_realRoot, FileKind.Folder) : _folders.GetOrAdd(relative[..slash], Locate);
        foreach (var part in relative[(slash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or ".." || kind != FileKind.Folder)
            {
                return (Path.Combine(current, part), FileKind.Missing);
            }

            var next = Path.Combine(current, part);
            kind = Probe(relative, next);
            if (kind == FileKind.Link)
            {
                var target = Follow(relative, next);
                kind = Probe(relative, target);
                if (kind == FileKind.Missing)
                {
                    throw new UnusableFileException(relative, DiagnosticCodes.LinkLeavesRepository,
                        "is a symbolic link to a file that does not exist", "remove the link or point it at a file inside the repository");
                }

                next = target;
            }

            current = next;
        }

        return (current, kind);
    }

    /// <summary>The real path a link leads to; refused when it leaves the repository or loops.</summary>
    private string Follow(string relative, string link)
    {
        string target;
        try
        {
            target = RealPath(link, 0);
        }
        catch (IOException)
        {
            throw new UnusableFileException(relative, DiagnosticCodes.LinkLeavesRepository,
                "is a symbolic link that loops or cannot be followed", "remove the link or point it at a file inside the repository");
        }

        if (target != _realRoot && !target.StartsWith(_realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UnusableFileException(relative, DiagnosticCodes.LinkLeavesRepository,
                "is a symbolic link that leads outside the repository", "replace the link with the file itself: only files inside the repository are read");
        }

        return target;
    }

    private static FileKind Probe(string relative, string full)
    {
        try
        {
            return FileProbe.KindOf(full);
        }
        catch (IOException e)
        {
            throw Unreadable(relative, e);
        }
    }

    /// <summary>An absolute path with every symbolic link in it resolved.</summary>
    /// <exception cref="IOException">A link loops (more than <see cref="MaxLinkHops"/> hops).</exception>
    private static string RealPath(string path, int hops)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (FileProbe.KindOf(next) == FileKind.Link)
            {
                if (++hops > MaxLinkHops)
                {
                    throw new IOException($"too many symbolic links in {path}");
                }

                var target = new FileInfo(next).LinkTarget!;
                next = RealPath(Path.GetFullPath(target, current), hops);
            }

            current = next;
        }

        return current;
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.File => "a file",
        FileKind.Folder => "a folder",
        FileKind.Special => "a FIFO, socket or device",
        FileKind.Link => "a symbolic link",
        _ => "missing",
    };

    /// <summary>The tool's own words for a failed read: never the runtime's message (which may be a bare resource key).</summary>
    private static UnusableFileException Unreadable(string path, Exception e)
    {
        var (cause, fix) = Writing.FileSystemError.Describe(e);
        return new(path, DiagnosticCodes.UnreadableFile, $"cannot be read: {cause}",
            cause == "permission denied" ? "give the user running onboard read access to it" : fix);
    }
}
