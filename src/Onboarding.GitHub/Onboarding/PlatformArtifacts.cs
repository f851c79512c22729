using Onboarding.Core.Compilation;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Onboarding;

namespace Onboarding.GitHub.Onboarding;

/// <summary>The files of the onboarding commit: the team file and every artifact, compiled exactly as <c>onboard compile</c> would with the file added.</summary>
internal static class PlatformArtifacts
{
    /// <summary>Path → bytes, ordered by path. Null with the diagnostics filled when the platform does not compile.</summary>
    public static SortedDictionary<string, byte[]>? Compile(string root, TeamValidation validation, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var overrides = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [validation.TeamFilePath] = validation.TeamFileBytes };
        var platform = BundleCompiler.Compile(PlatformLoader.Load(root, diagnostics, overrides), diagnostics);
        if (platform is null || diagnostics.HasErrors)
        {
            return null;
        }

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [validation.TeamFilePath] = validation.TeamFileBytes };
        foreach (var (path, content) in ArtifactRenderer.RenderAll(platform))
        {
            files[path] = content;
        }

        return files;
    }
}
