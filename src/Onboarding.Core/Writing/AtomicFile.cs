namespace Onboarding.Core.Writing;

/// <summary>
/// The one way the tool writes a file: through a temporary file in the same folder and a rename, so no reader
/// (a watcher, a GitOps agent, a concurrent check) ever sees half of it.
/// </summary>
public static class AtomicFile
{
    /// <summary>The name a staged file has beside its target until it is renamed into place.</summary>
    public const string TempSuffix = ".onboard-tmp";

    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        using var staged = Stage(path, content);
        staged.Commit();
    }

    /// <summary>Writes <paramref name="relative"/> under <paramref name="root"/>, refusing a path that leaves it.</summary>
    /// <exception cref="UnusableFileException">The file cannot be written (GEN003); it keeps its previous content.</exception>
    public static void Write(string root, string relative, ReadOnlySpan<byte> content)
    {
        try
        {
            Write(SourcePaths.Resolve(root, relative), content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(relative, e);
        }
    }

    /// <summary>A failed write in the tool's own words: the file, the cause, the fix; the file keeps its previous content.</summary>
    public static UnusableFileException Unwritable(string relative, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (cause, fix) = FileSystemError.Describe(exception);
        return new UnusableFileException(relative, Diagnostics.DiagnosticCodes.UnwritableArtifact, $"cannot be written: {cause}; it keeps its previous content", fix);
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/> and flushes it to disk;
    /// the target is untouched until <see cref="StagedFile.Commit"/>. Disposing an uncommitted file deletes it.
    /// </summary>
    public static StagedFile Stage(string path, ReadOnlySpan<byte> content)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        if (Directory.Exists(path))
        {
            // A rename over a folder fails only at commit time: refuse it while nothing has been replaced yet.
            throw new IOException($"{path} is a folder", FileSystemError.IsADirectory);
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        var staged = new StagedFile(temp, path);
        try
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            stream.Write(content);
            stream.Flush(flushToDisk: true);
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether <paramref name="fileName"/> is a temporary file a killed run left behind: one of ours whose writing
    /// process is gone (a concurrent run's staged files stay until it renames them).
    /// </summary>
    public static bool IsLeftover(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!fileName.StartsWith('.') || !fileName.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = fileName[..^TempSuffix.Length].Split('.');
        return parts.Length >= 3
            && int.TryParse(parts[^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId
            && Directory.Exists("/proc/self")
            && !Directory.Exists($"/proc/{pid}");
    }
}
