using Onboarding.Core.Sources;

namespace Onboarding.Core.Writing;

/// <summary>
/// The one way the tool writes a file: through a temporary file in the same folder and a rename, so no reader
/// (a watcher, a GitOps agent, a concurrent check) ever sees half of it.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
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

    /// <summary>Writes <paramref name="relative"/> under <paramref name="root"/>, refusing a path that leaves it.</summary>
    public static void Write(string root, string relative, ReadOnlySpan<byte> content) =>
        Write(SourcePaths.Resolve(root, relative), content);
}
