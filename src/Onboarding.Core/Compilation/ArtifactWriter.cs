namespace Onboarding.Core.Compilation;

internal enum ArtifactStatus
{
    Unchanged,
    Created,
    Updated,
    Deleted,
}

internal sealed record ArtifactChange(string Path, ArtifactStatus Status);

/// <summary>
/// Compares artifacts with the files on disk and, when asked, writes them atomically (temp file +
/// rename in the same folder). Files whose bytes are already right are left untouched (their mtimes
/// too); outputs the previous compile made that this one no longer produces are removed.
/// </summary>
internal static class ArtifactWriter
{
    private const int CompareChunk = 64 * 1024;

    public static IReadOnlyList<ArtifactChange> Apply(
        string root, string outputDir, IEnumerable<Artifact> artifacts, bool write, Action<Artifact, ArtifactStatus>? observe = null)
    {
        var changes = new List<ArtifactChange>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        var previous = ManifestReader.ReadOutputs(root, outputDir);
        foreach (var artifact in artifacts)
        {
            produced.Add(artifact.Path);
            var full = SafePath(root, artifact.Path);
            var status = !File.Exists(full) ? ArtifactStatus.Created
                : SameContent(full, artifact.Content.Span) ? ArtifactStatus.Unchanged
                : ArtifactStatus.Updated;
            observe?.Invoke(artifact, status);
            if (write && status != ArtifactStatus.Unchanged)
            {
                WriteAtomically(full, artifact.Content.Span);
            }

            changes.Add(new ArtifactChange(artifact.Path, status));
        }

        foreach (var stale in previous.Keys.Where(p => !produced.Contains(p)).Order(StringComparer.Ordinal))
        {
            var full = SafePath(root, stale);
            if (File.Exists(full))
            {
                if (write)
                {
                    File.Delete(full);
                    DeleteIfEmpty(Path.GetDirectoryName(full)!, Path.Combine(Path.GetFullPath(root), outputDir));
                }

                changes.Add(new ArtifactChange(stale, ArtifactStatus.Deleted));
            }
        }

        return changes;
    }

    /// <summary>The absolute path of an artifact, refusing any that would land outside the root.</summary>
    public static string SafePath(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"output path {relative} resolves outside {fullRoot}");
        }

        return full;
    }

    /// <summary>Streams the file against the expected bytes, so a check allocates no file-sized buffers.</summary>
    public static bool SameContent(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (stream.Length != content.Length)
        {
            // Artifacts are written with LF; a checkout that turned them into CRLF still holds the same content.
            return stream.Length > content.Length && stream.Length <= 2L * content.Length
                && CrLfNormalizer.ToLf(File.ReadAllBytes(path)).SequenceEqual(content);
        }

        Span<byte> chunk = new byte[Math.Min(CompareChunk, Math.Max(1, content.Length))];
        var offset = 0;
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (offset + read > content.Length || !chunk[..read].SequenceEqual(content.Slice(offset, read)))
            {
                return false;
            }

            offset += read;
        }

        return offset == content.Length;
    }

    internal static string HashOf(string path) => Loading.PlatformLoader.Hash(File.ReadAllBytes(path));

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
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
