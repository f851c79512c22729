namespace Onboarding.Core.Pipelines;

/// <summary>A repository that exists only as files in memory: the seed of a new team repository.</summary>
public sealed class MemoryRepositoryFiles(IReadOnlyDictionary<string, byte[]> files) : IRepositoryFiles
{
    public IReadOnlyList<string> List(string folder, string extension) =>
        [.. files.Keys
            .Where(p => p.StartsWith(folder + "/", StringComparison.Ordinal) && !p.AsSpan(folder.Length + 1).Contains('/')
                && p.EndsWith(extension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public byte[]? Read(string path) => files.GetValueOrDefault(path);

    public RepositoryFileState Probe(string path) =>
        files.ContainsKey(path) ? RepositoryFileState.File
        : files.Keys.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal)) ? RepositoryFileState.NotAFile
        : RepositoryFileState.Missing;
}
