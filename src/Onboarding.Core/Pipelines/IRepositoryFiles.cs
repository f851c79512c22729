namespace Onboarding.Core.Pipelines;

public enum RepositoryFileState
{
    File,
    Missing,
    NotAFile,

    /// <summary>The path or one of its folders is a symbolic link: refused, a link can point anywhere.</summary>
    Link,
}

/// <summary>
/// The files of a team repository the pipeline compiler reads: a checkout on disk, or the seed of
/// a repository that does not exist yet. Paths are relative to the repository root, with '/'.
/// </summary>
public interface IRepositoryFiles
{
    /// <summary>The files directly inside <paramref name="folder"/> whose names end with <paramref name="extension"/>, sorted.</summary>
    IReadOnlyList<string> List(string folder, string extension);

    byte[]? Read(string path);

    RepositoryFileState Probe(string path);
}
