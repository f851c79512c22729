using System.Collections.Concurrent;

namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// A branch of the platform repository as GitHub holds it now, read through the API. A file the job's checkout
/// holds with the same blob SHA is read from the checkout; only the others are downloaded. A checkout taken
/// before another team's pull request was merged thus still compiles to artifacts that keep that team.
/// Comparisons with committed files use the blob SHAs and download nothing.
/// </summary>
public sealed class GitTreeSource(string description, BranchFiles branch, PlatformSource checkout, Func<string, CancellationToken, Task<byte[]>> readBlob) : PlatformSource
{
    private readonly ConcurrentDictionary<string, byte[]> _downloaded = new(StringComparer.Ordinal);

    public BranchFiles Branch { get; } = branch;

    public override string Description => description;

    /// <summary>The files read from GitHub because the checkout lacked them or held other bytes, in path order.</summary>
    public IReadOnlyList<string> FromBranch => [.. _downloaded.Keys.Order(StringComparer.Ordinal)];

    public override ValueTask<SourceFolder?> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var prefix = folder.TrimEnd('/') + "/";
        var below = Branch.Files.Keys.Where(path => path.StartsWith(prefix, StringComparison.Ordinal)).Select(path => path[prefix.Length..]).ToList();
        if (below.Count == 0)
        {
            return ValueTask.FromResult<SourceFolder?>(null);
        }

        var files = below.Where(rest => !rest.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var folders = below.Where(rest => rest.Contains('/', StringComparison.Ordinal)).Select(rest => rest[..rest.IndexOf('/', StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return ValueTask.FromResult<SourceFolder?>(new SourceFolder(files, folders));
    }

    public override async ValueTask<byte[]?> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        if (!Branch.Files.TryGetValue(path, out var sha))
        {
            return null;
        }

        var local = await checkout.ReadAllAsync(path, cancellationToken).ConfigureAwait(false);
        var content = local is not null && GitBlobSha.Of(local) == sha
            ? local
            : _downloaded.GetValueOrDefault(path) ?? (_downloaded[path] = await readBlob(sha, cancellationToken).ConfigureAwait(false));
        return content.Length > maxBytes ? content[..(maxBytes + 1)] : content;
    }

    public override ValueTask<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Branch.Files.ContainsKey(path));

    public override ValueTask<bool> HoldsAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Branch.Files.TryGetValue(path, out var sha) && sha == GitBlobSha.Of(content.Span));
}
