namespace Onboarding.Core.Compilation;

/// <summary>Every output file of a compile: path relative to the platform root ('/'-separated) → exact bytes.</summary>
internal sealed class ArtifactSet
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public void Add(string path, byte[] content) => _files.Add(path, content);
}
