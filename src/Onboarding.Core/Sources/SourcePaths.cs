namespace Onboarding.Core.Sources;

/// <summary>Turns repository-relative paths into file paths that provably stay inside the repository.</summary>
public static class SourcePaths
{
    /// <summary>The absolute path of <paramref name="relative"/> under <paramref name="root"/>; refuses any that would land outside it.</summary>
    public static string Resolve(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        if (full != fullRoot && !full.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"path {relative} resolves outside {fullRoot}");
        }

        return full;
    }
}
