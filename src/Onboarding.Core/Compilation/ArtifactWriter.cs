using Onboarding.Core.Sources;
using Onboarding.Core.Writing;

namespace Onboarding.Core.Compilation;

public enum ArtifactStatus
{
    Unchanged,
    Created,
    Updated,
    Deleted,
}

public sealed record ArtifactChange(string Path, ArtifactStatus Status);

/// <summary>
/// Compares artifacts with the files a source holds and, when given a folder to write into, writes the changed
/// ones atomically. Files whose bytes are already right are left untouched (their mtimes too); outputs the
/// previous compile made that this one no longer produces are removed.
/// </summary>
public static class ArtifactWriter
{
    /// <param name="writeRoot">The working tree to write into; null compares only.</param>
    /// <param name="observe">Called with each artifact and its status before it is written.</param>
    /// <param name="previous">The output hashes the previous compile recorded: its outputs that this one no longer makes are deleted.</param>
    public static async Task<IReadOnlyList<ArtifactChange>> ApplyAsync(
        PlatformSource source,
        string outputDir,
        PreviousManifest previous,
        IEnumerable<Artifact> artifacts,
        string? writeRoot,
        Func<Artifact, ArtifactStatus, Task>? observe,
        CancellationToken cancellationToken)
    {
        var changes = new List<ArtifactChange>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var artifact in artifacts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            produced.Add(artifact.Path);
            var status = await source.HoldsAsync(artifact.Path, artifact.Content, cancellationToken).ConfigureAwait(false) ? ArtifactStatus.Unchanged
                : await source.ExistsAsync(artifact.Path, cancellationToken).ConfigureAwait(false) ? ArtifactStatus.Updated
                : ArtifactStatus.Created;
            if (observe is not null)
            {
                await observe(artifact, status).ConfigureAwait(false);
            }

            if (writeRoot is not null && status != ArtifactStatus.Unchanged)
            {
                AtomicFile.Write(writeRoot, artifact.Path, artifact.Content.Span);
            }

            changes.Add(new ArtifactChange(artifact.Path, status));
        }

        foreach (var stale in previous.Outputs.Keys.Where(p => !produced.Contains(p)).Order(StringComparer.Ordinal))
        {
            if (await source.ExistsAsync(stale, cancellationToken).ConfigureAwait(false))
            {
                if (writeRoot is not null)
                {
                    var full = SourcePaths.Resolve(writeRoot, stale);
                    File.Delete(full);
                    DeleteIfEmpty(Path.GetDirectoryName(full)!, SourcePaths.Resolve(writeRoot, outputDir));
                }

                changes.Add(new ArtifactChange(stale, ArtifactStatus.Deleted));
            }
        }

        return changes;
    }

    private static void DeleteIfEmpty(string dir, string stopAt)
    {
        if (!string.Equals(Path.TrimEndingDirectorySeparator(dir), Path.TrimEndingDirectorySeparator(stopAt), StringComparison.Ordinal)
            && Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
        }
    }
}
