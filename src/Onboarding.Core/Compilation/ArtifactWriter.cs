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
/// ones. Every changed file is first staged completely beside its target; only when all are staged are they renamed
/// into place, the manifest last, so a failure while writing (a full disk, a read-only file system) changes nothing.
/// Files whose bytes are already right are left untouched (their mtimes too); outputs the previous compile made
/// that this one no longer produces are removed.
/// </summary>
public static class ArtifactWriter
{
    /// <param name="writeRoot">The working tree to write into; null compares only.</param>
    /// <param name="observe">Called with each artifact and its status before it is written.</param>
    /// <param name="previous">The output hashes the previous compile recorded: its outputs that this one no longer makes are deleted.</param>
    /// <exception cref="UnusableFileException">A file cannot be written (GEN003); the message says what was replaced.</exception>
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
        var staged = new List<(string Path, StagedFile File)>();
        try
        {
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
                    staged.Add((artifact.Path, Stage(writeRoot, artifact)));
                }

                changes.Add(new ArtifactChange(artifact.Path, status));
            }

            if (writeRoot is not null)
            {
                Commit(staged);
            }
        }
        finally
        {
            foreach (var (_, file) in staged)
            {
                file.Dispose();
            }
        }

        foreach (var stale in previous.Outputs.Keys.Where(p => !produced.Contains(p)).Order(StringComparer.Ordinal))
        {
            if (await source.ExistsAsync(stale, cancellationToken).ConfigureAwait(false))
            {
                if (writeRoot is not null)
                {
                    try
                    {
                        var full = SourcePaths.Resolve(writeRoot, stale);
                        File.Delete(full);
                        DeleteIfEmpty(Path.GetDirectoryName(full)!, SourcePaths.Resolve(writeRoot, outputDir));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        var (cause, fix) = FileSystemError.Describe(e);
                        throw new UnusableFileException(stale, DiagnosticCodes.UnwritableArtifact,
                            $"is no longer produced but cannot be deleted: {cause}; every new artifact is already written", fix);
                    }
                }

                changes.Add(new ArtifactChange(stale, ArtifactStatus.Deleted));
            }
        }

        if (writeRoot is not null)
        {
            DeleteLeftovers(writeRoot, produced);
        }

        return changes;
    }

    private static StagedFile Stage(string writeRoot, Artifact artifact)
    {
        try
        {
            return AtomicFile.Stage(SourcePaths.Resolve(writeRoot, artifact.Path), artifact.Content.Span);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var (cause, fix) = FileSystemError.Describe(e);
            throw new UnusableFileException(artifact.Path, DiagnosticCodes.UnwritableArtifact,
                $"cannot be written: {cause}; nothing was replaced: every artifact keeps its previous content", fix);
        }
    }

    /// <summary>Renames every staged file into place; the manifest comes last, so until it is written a check sees the outputs as stale.</summary>
    private static void Commit(List<(string Path, StagedFile File)> staged)
    {
        for (var i = 0; i < staged.Count; i++)
        {
            try
            {
                staged[i].File.Commit();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var (cause, fix) = FileSystemError.Describe(e);
                var replaced = i == 0 ? "nothing was replaced" : $"already replaced: {string.Join(", ", staged.Take(i).Select(s => s.Path))}; the rest keep their previous content";
                throw new UnusableFileException(staged[i].Path, DiagnosticCodes.UnwritableArtifact, $"cannot be replaced: {cause}; {replaced}",
                    $"{fix}: compile rewrites every file that is not up to date");
            }
        }
    }

    /// <summary>Removes the temporary files a killed run left in the folders this compile wrote (never those of a run still going).</summary>
    private static void DeleteLeftovers(string writeRoot, HashSet<string> produced)
    {
        foreach (var folder in produced.Select(p => Path.GetDirectoryName(SourcePaths.Resolve(writeRoot, p))!).Distinct(StringComparer.Ordinal))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            try
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*" + AtomicFile.TempSuffix))
                {
                    if (AtomicFile.IsLeftover(Path.GetFileName(file)))
                    {
                        File.Delete(file);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Tidying only: a leftover that cannot be removed now is removed by a later compile.
            }
        }
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
