namespace Onboarding.Core.Diagnostics;

/// <summary>A 1-based line and column in a source file (path relative to the platform root, with '/').</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
