namespace Onboarding.Core.Pipelines;

/// <summary>A team repository checked out on disk.</summary>
public sealed class DiskRepositoryFiles(string root) : IRepositoryFiles
{
    public string Root { get; } = Path.GetFullPath(root);

    public IReadOnlyList<string> List(string folder, string extension)
    {
        var full = Path.Combine(Root, folder);
        if (Probe(folder) != RepositoryFileState.NotAFile || !Directory.Exists(full))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(full, "*" + extension, SearchOption.TopDirectoryOnly)
            .Select(f => $"{folder}/{Path.GetFileName(f)}")
            .Where(f => f.EndsWith(extension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    public byte[]? Read(string path) =>
        Probe(path) == RepositoryFileState.File ? File.ReadAllBytes(Path.Combine(Root, path)) : null;

    public RepositoryFileState Probe(string path)
    {
        var current = Root;
        foreach (var part in path.Split('/'))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                return RepositoryFileState.Link;
            }
        }

        return File.Exists(current) ? RepositoryFileState.File
            : Directory.Exists(current) ? RepositoryFileState.NotAFile
            : RepositoryFileState.Missing;
    }
}
