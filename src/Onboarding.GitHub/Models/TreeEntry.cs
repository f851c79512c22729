namespace Onboarding.GitHub.Models;

/// <summary>
/// A file to write with inline content, or (with <see cref="Content"/> null) a file to delete from the
/// base tree. <see cref="Mode"/> 100755 marks an executable file.
/// </summary>
[JsonConverter(typeof(TreeEntryConverter))]
public sealed record TreeEntry(string Path, string? Content, string Mode = TreeEntry.RegularFile)
{
    public const string RegularFile = "100644";
    public const string ExecutableFile = "100755";

    public static TreeEntry Delete(string path) => new(path, null);
}
