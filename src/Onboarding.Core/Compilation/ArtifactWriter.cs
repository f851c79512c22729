using Onboarding.Core.Loading;

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
/// Writes artifacts atomically (temp file + rename in the same folder), leaves files whose bytes
/// are already right untouched (their mtimes too), and removes outputs the previous compile made
/// that this one no longer produces.
/// </summary>
internal static class ArtifactWriter
{
    public static IReadOnlyList<ArtifactChange> Plan(string root, string outputDir, ArtifactSet artifacts)
    {
        var changes = new List<ArtifactChange>();
        foreach (var (path, content) in artifacts.Files)
        {
            var full = SafePath(root, path);
            var status = !File.Exists(full) ? ArtifactStatus.Created
                : SameContent(full, content) ? ArtifactStatus.Unchanged
                : ArtifactStatus.Updated;
            changes.Add(new ArtifactChange(path, status));
        }

        foreach (var previous in ManifestReader.ReadOutputs(root, outputDir).Keys)
        {
            if (!artifacts.Files.ContainsKey(previous) && File.Exists(SafePath(root, previous)))
            {
                changes.Add(new ArtifactChange(previous, ArtifactStatus.Deleted));
            }
        }

        return changes;
    }

    public static IReadOnlyList<ArtifactChange> Write(string root, string outputDir, ArtifactSet artifacts)
    {
        var changes = Plan(root, outputDir, artifacts);
        foreach (var change in changes)
        {
            var full = SafePath(root, change.Path);
            switch (change.Status)
            {
                case ArtifactStatus.Created or ArtifactStatus.Updated:
                    WriteAtomically(full, artifacts.Files[change.Path]);
                    break;
                case ArtifactStatus.Deleted:
                    File.Delete(full);
                    DeleteIfEmpty(Path.GetDirectoryName(full)!, Path.Combine(Path.GetFullPath(root), outputDir));
                    break;
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

    private static bool SameContent(string path, byte[] content)
    {
        var info = new FileInfo(path);
        return info.Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
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

    internal static string HashOf(string path) => PlatformLoader.Hash(File.ReadAllBytes(path));
}
