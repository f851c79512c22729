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

    /// <summary>
    /// The sources a compile reads (onboarding.yaml, teams/*.yaml) with their git blob SHAs, leaving out
    /// <paramref name="ownTeamFile"/>: comparing this with the default branch's tree tells whether the checkout
    /// is the branch's current state, without reading any file from GitHub.
    /// </summary>
    public static SortedDictionary<string, string> LocalSources(string root, string ownTeamFile)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var config = Path.Combine(root, PlatformConfigLoader.FileName);
        if (File.Exists(config))
        {
            sources[PlatformConfigLoader.FileName] = GitBlobSha.Of(File.ReadAllBytes(config));
        }

        var teams = Path.Combine(root, PlatformLoader.TeamsDir);
        if (Directory.Exists(teams))
        {
            foreach (var file in Directory.EnumerateFiles(teams, "*.yaml"))
            {
                var relative = $"{PlatformLoader.TeamsDir}/{Path.GetFileName(file)}";
                if (relative != ownTeamFile)
                {
                    sources[relative] = GitBlobSha.Of(File.ReadAllBytes(file));
                }
            }
        }

        return sources;
    }

    public static bool IsSource(string path, string ownTeamFile) =>
        path != ownTeamFile
        && (path == PlatformConfigLoader.FileName
            || (path.StartsWith(PlatformLoader.TeamsDir + "/", StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal)
                && path.IndexOf('/', PlatformLoader.TeamsDir.Length + 1) < 0));
}
