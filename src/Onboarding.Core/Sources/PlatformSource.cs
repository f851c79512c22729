namespace Onboarding.Core.Sources;

/// <summary>
/// The files of a platform repository, wherever they are: a working tree, files planned in memory over
/// another source, or a git tree read through the GitHub API. Loading, validation, compilation and the
/// comparison with committed artifacts read through it; writing is a separate last step.
/// Paths are relative to the repository root and '/'-separated.
/// </summary>
public abstract class PlatformSource
{
    /// <summary>Where the files come from, for messages: a folder, or <c>owner/repo@branch</c>.</summary>
    public abstract string Description { get; }

    /// <summary>What <paramref name="folder"/> holds; null when there is no such folder.</summary>
    /// <exception cref="UnusableFileException">The folder is a file, a link leaving the repository, or cannot be read.</exception>
    public abstract ValueTask<SourceFolder?> ListAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// The file's bytes, or null when there is no such file. At most <paramref name="maxBytes"/> + 1 bytes are
    /// returned, so a file over a limit is recognised without being read whole.
    /// </summary>
    /// <exception cref="UnusableFileException">The path is a folder, a FIFO, socket or device, a link leaving the repository, or cannot be read.</exception>
    public abstract ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken);

    public abstract ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken);

    /// <summary>Refuses <paramref name="folder"/> when it exists but is no folder of the repository (a file, a link leaving it); a missing one is fine.</summary>
    /// <exception cref="UnusableFileException">The folder cannot be used.</exception>
    public virtual async ValueTask CheckFolderAsync(string folder, CancellationToken cancellationToken) =>
        await ListAsync(folder, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether the file exists and holds exactly <paramref name="content"/>.</summary>
    public virtual async ValueTask<bool> HoldsAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(path, content.Length, cancellationToken).ConfigureAwait(false);
        return bytes is not null && bytes.AsSpan().SequenceEqual(content.Span);
    }

    /// <summary>The whole file, or null when there is none.</summary>
    public ValueTask<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, int.MaxValue - 1, cancellationToken);

    /// <summary>A source with no files: under an <see cref="OverlaySource"/>, a repository that exists only in memory.</summary>
    public static PlatformSource Nothing { get; } = new NoFiles();

    private sealed class NoFiles : PlatformSource
    {
        public override string Description => "(in memory)";

        public override ValueTask<SourceFolder?> ListAsync(string folder, CancellationToken cancellationToken) => ValueTask.FromResult<SourceFolder?>(null);

        public override ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public override ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}
