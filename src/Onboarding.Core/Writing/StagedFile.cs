namespace Onboarding.Core.Writing;

/// <summary>A file written completely beside its target, waiting to replace it with one rename.</summary>
public sealed class StagedFile(string tempPath, string targetPath) : IDisposable
{
    private bool _committed;

    public string TargetPath { get; } = targetPath;

    /// <summary>Replaces the target in one rename: a reader sees the old file or the new one, never a mix.</summary>
    public void Commit()
    {
        File.Move(tempPath, TargetPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }
}
