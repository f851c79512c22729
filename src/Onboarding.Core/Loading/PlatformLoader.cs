using System.Security.Cryptography;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Model;
using Onboarding.Core.Sources;
using Onboarding.Core.Yaml;

namespace Onboarding.Core.Loading;

/// <summary>
/// Reads onboarding.yaml and every teams/*.yaml of a platform repository through a <see cref="PlatformSource"/>.
/// Team files are read and bound in parallel; each file is read once, and its bytes give both the tree and the hash.
/// </summary>
internal static class PlatformLoader
{
    public const string TeamsDir = "teams";

    /// <summary>Below this many team files, threads cost more to start than they save.</summary>
    private const int ParallelThreshold = 64;

    /// <param name="hashSources">Whether to compute the SHA-256 of every source for the manifest; validation needs none.</param>
    public static async Task<PlatformSources> LoadAsync(PlatformSource source, DiagnosticBag diagnostics, bool hashSources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var files = new List<SourceFile>();
        PlatformConfig? config = null;
        var configBytes = await source.ReadAsync(PlatformConfigLoader.FileName, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (configBytes is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingPlatformFile, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                $"{PlatformConfigLoader.FileName} not found in {source.Description}",
                "run the command from the platform repository's root, pass --root DIR, or create one with 'onboard init'");
        }
        else
        {
            files.Add(new SourceFile(PlatformConfigLoader.FileName, hashSources ? Hash(configBytes) : ""));
            config = PlatformConfigLoader.Load(configBytes, PlatformConfigLoader.FileName, diagnostics);
        }

        var teamPaths = await ListTeamFilesAsync(source, diagnostics, cancellationToken).ConfigureAwait(false);
        var teams = new TeamFile?[teamPaths.Count];
        var hashes = new string[teamPaths.Count];
        async ValueTask LoadTeam(int i, CancellationToken token)
        {
            var bytes = await source.ReadAsync(teamPaths[i], YamlLimits.Default.MaxBytes, token).ConfigureAwait(false) ?? [];
            hashes[i] = hashSources ? Hash(bytes) : "";
            teams[i] = TeamFileLoader.Load(bytes, teamPaths[i], diagnostics);
        }

        if (teamPaths.Count < ParallelThreshold)
        {
            for (var i = 0; i < teamPaths.Count; i++)
            {
                await LoadTeam(i, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await Parallel.ForAsync(0, teamPaths.Count, cancellationToken, LoadTeam).ConfigureAwait(false);
        }

        for (var i = 0; i < teamPaths.Count; i++)
        {
            files.Add(new SourceFile(teamPaths[i], hashes[i]));
        }

        return new PlatformSources(source, config, [.. teams.OfType<TeamFile>()], files);
    }

    /// <summary>onboarding.yaml alone, for commands that need the settings but not the teams.</summary>
    public static async Task<PlatformConfig?> LoadConfigAsync(PlatformSource source, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bytes = await source.ReadAsync(PlatformConfigLoader.FileName, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingPlatformFile, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                $"{PlatformConfigLoader.FileName} not found in {source.Description}",
                "run the command from the platform repository's root, pass --root DIR, or create one with 'onboard init'");
            return null;
        }

        return PlatformConfigLoader.Load(bytes, PlatformConfigLoader.FileName, diagnostics);
    }

    /// <summary>
    /// The platform as it would be with <paramref name="teamFiles"/> (path → bytes) written: only those files are
    /// read; every other file keeps its loaded form, and its reading findings stay with the first load.
    /// </summary>
    public static PlatformSources WithTeamFiles(PlatformSources sources, IReadOnlyDictionary<string, byte[]> teamFiles, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(teamFiles);
        var teams = sources.Teams.Where(t => !teamFiles.ContainsKey(t.Path)).ToList();
        var files = sources.Files.Where(f => !teamFiles.ContainsKey(f.Path)).ToList();
        foreach (var (path, bytes) in teamFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (TeamFileLoader.Load(bytes, path, diagnostics) is { } team)
            {
                teams.Add(team);
            }

            files.Add(new SourceFile(path, Hash(bytes)));
        }

        teams.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        files.Sort((a, b) => a.Path == PlatformConfigLoader.FileName ? -1 : b.Path == PlatformConfigLoader.FileName ? 1 : string.CompareOrdinal(a.Path, b.Path));
        return new PlatformSources(new OverlaySource(sources.Source, teamFiles), sources.Config, teams, files);
    }

    private static async Task<List<string>> ListTeamFilesAsync(PlatformSource source, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var name in await source.ListFilesAsync(TeamsDir, cancellationToken).ConfigureAwait(false))
        {
            if (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".YAML", StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.FileNameMismatch, SourceLocation.StartOf($"{TeamsDir}/{name}"),
                    "team files must end in '.yaml'", $"rename it to {TeamsDir}/{Path.GetFileNameWithoutExtension(name)}.yaml");
            }
            else if (name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                paths.Add($"{TeamsDir}/{name}");
            }
        }

        return paths;
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
