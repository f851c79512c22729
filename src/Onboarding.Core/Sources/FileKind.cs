namespace Onboarding.Core.Sources;

/// <summary>What a path is, read without following a symbolic link.</summary>
public enum FileKind
{
    Missing,
    File,
    Folder,
    Link,

    /// <summary>A FIFO, socket or device: opening one may block forever or never end.</summary>
    Special,
}
