namespace Onboarding.Core.Sources;

/// <summary>What a folder holds: its file names and its sub-folder names, each in ordinal order.</summary>
/// <remarks>On disk, a link or special file is listed as a file: reading it says why it cannot be used.</remarks>
public sealed record SourceFolder(IReadOnlyList<string> Files, IReadOnlyList<string> Folders)
{
    public static SourceFolder Empty { get; } = new([], []);
}
