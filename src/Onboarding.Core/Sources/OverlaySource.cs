namespace Onboarding.Core.Sources;

/// <summary>
/// Files held in memory over another source: the platform as it would be with a planned team file or an
/// import written, without writing anything.
/// </summary>
public sealed class OverlaySource(PlatformSource inner, IReadOnlyDictionary<string, byte[]> files) : PlatformSource
{
    public PlatformSource Inner { get; } = inner;

    public IReadOnlyDictionary<string, byte[]> Files { get; } = files;

    public override string Description => Inner.Description;

    public override async ValueTask<SourceFolder?> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var inner = await Inner.ListAsync(folder, cancellationToken).ConfigureAwait(false);
        var prefix = folder.TrimEnd('/') + "/";
        var added = Files.Keys.Where(path => path.StartsWith(prefix, StringComparison.Ordinal) && path.IndexOf('/', prefix.Length) < 0).ToList();
        if (added.Count == 0)
        {
            return inner;
        }

        var names = new SortedSet<string>(inner?.Files ?? [], StringComparer.Ordinal);
        names.UnionWith(added.Select(path => path[prefix.Length..]));
        return new SourceFolder([.. names], inner?.Folders ?? []);
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
