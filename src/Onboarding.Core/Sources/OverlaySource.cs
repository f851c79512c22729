namespace Onboarding.Core.Sources;

/// <summary>
/// Files held in memory over another source: the platform as it would be with a planned team file or an
/// import written, without writing anything.
/// </summary>
internal sealed class OverlaySource(PlatformSource inner, IReadOnlyDictionary<string, byte[]> files) : PlatformSource
{
    public PlatformSource Inner { get; } = inner;

    public IReadOnlyDictionary<string, byte[]> Files { get; } = files;

    public override string Description => Inner.Description;

    public override async ValueTask<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(await Inner.ListFilesAsync(folder, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        var prefix = folder.TrimEnd('/') + "/";
        foreach (var path in Files.Keys)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf('/', prefix.Length) < 0)
            {
                names.Add(path[prefix.Length..]);
            }
        }

        return [.. names];
    }

    public override ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
        Files.TryGetValue(path, out var bytes)
            ? ValueTask.FromResult<byte[]?>(bytes.Length > maxBytes ? bytes[..(maxBytes + 1)] : bytes)
            : Inner.ReadAsync(path, maxBytes, cancellationToken);

    public override ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        Files.ContainsKey(path) ? ValueTask.FromResult(true) : Inner.ExistsAsync(path, cancellationToken);

    public override ValueTask<bool> HoldsAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        Files.TryGetValue(path, out var bytes)
            ? ValueTask.FromResult(bytes.AsSpan().SequenceEqual(content.Span))
            : Inner.HoldsAsync(path, content, cancellationToken);
}
