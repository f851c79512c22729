namespace Onboarding.GitHub.Onboarding;

/// <summary>A branch as one run found it: head commit, its tree, and every file's blob SHA.</summary>
public sealed record BranchFiles(string Branch, string Head, string Tree, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>True when every one of <paramref name="files"/> is on the branch with exactly these bytes.</summary>
    public bool Holds(IReadOnlyDictionary<string, byte[]> files) =>
        files.All(file => Files.TryGetValue(file.Key, out var sha) && sha == GitBlobSha.Of(file.Value));
}
