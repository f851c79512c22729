namespace Onboarding.GitHub.Models;

/// <summary>A file with inline content; <see cref="Mode"/> 100755 marks an executable file.</summary>
internal sealed record TreeEntry(string Path, string Content, string Mode = TreeEntry.RegularFile, string Type = "blob")
{
    public const string RegularFile = "100644";
    public const string ExecutableFile = "100755";
}
