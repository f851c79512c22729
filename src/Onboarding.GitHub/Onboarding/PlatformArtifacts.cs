namespace Onboarding.GitHub.Onboarding;

/// <summary>The files of the onboarding commit: the team file and every artifact of the compilation that validated it.</summary>
public static class PlatformArtifacts
{
    /// <summary>Path → bytes, ordered by path.</summary>
    public static SortedDictionary<string, byte[]> Of(TeamValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var compilation = validation.Compilation is { Succeeded: true } compiled
            ? compiled
            : throw new InvalidOperationException($"the validated team does not compile: {string.Join("; ", validation.Compilation?.Diagnostics.Sorted() ?? [])}");
        var files = compilation.RenderAll();
        files[validation.TeamFilePath] = validation.TeamFileBytes;
        return files;
    }
}
