namespace Onboarding.Core.Import;

public enum ImportFileStatus
{
    Created,
    Updated,
    Replaced,
}

/// <summary>A team file import would write, with its full new content.</summary>
public sealed record ImportFile(string Path, string Content, ImportFileStatus Status);

/// <summary>The planned team files and every finding; files are written only when there is no error.</summary>
public sealed record ImportResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ImportFile> Files, int Bundles, IReadOnlyList<string> Environments)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
