namespace Onboarding.Core.Sources;

/// <summary>A platform repository's working tree on disk.</summary>
internal sealed class DiskSource(string root) : PlatformSource
{
    private const int CompareChunk = 64 * 1024;

    public string Root { get; } = Path.GetFullPath(root);

    public override string Description => Root;

    public override ValueTask<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var dir = SourcePaths.Resolve(Root, folder);
        IReadOnlyList<string> names = Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
        return ValueTask.FromResult(names);
    }

    public override ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = SourcePaths.Resolve(Root, path);
        if (!File.Exists(full))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var content = new byte[(int)Math.Min(stream.Length, maxBytes + 1L)];
        stream.ReadExactly(content);
        return ValueTask.FromResult<byte[]?>(content);
    }

    public override ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(File.Exists(SourcePaths.Resolve(Root, path)));

    /// <summary>Streams the file against the expected bytes: a file of another size is not read at all.</summary>
    public override ValueTask<bool> HoldsAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = SourcePaths.Resolve(Root, path);
        if (!File.Exists(full))
        {
            return ValueTask.FromResult(false);
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (stream.Length != content.Length)
        {
            return ValueTask.FromResult(false);
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
}
