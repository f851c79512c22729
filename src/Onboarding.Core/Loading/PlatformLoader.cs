using System.Security.Cryptography;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Model;

namespace Onboarding.Core.Loading;

/// <summary>
/// Reads onboarding.yaml and every teams/*.yaml of a platform repository. Team files are read and
/// bound in parallel; each file is read once, and its bytes give both the tree and the hash.
/// </summary>
internal static class PlatformLoader
{
    public const string TeamsDir = "teams";

    /// <summary>Below this many team files, threads cost more to start than they save.</summary>
    private const int ParallelThreshold = 64;

    /// <param name="hashSources">Whether to compute the SHA-256 of every source for the manifest; validation needs none.</param>
    public static PlatformSources Load(string root, DiagnosticBag diagnostics, IReadOnlyDictionary<string, byte[]>? overrides = null, bool hashSources = true)
    {
        root = Path.GetFullPath(root);
        var files = new List<SourceFile>();
        PlatformConfig? config = null;
        var configBytes = ReadOrNull(root, PlatformConfigLoader.FileName, overrides);
        if (configBytes is null)
        {
            diagnostics.Error(DiagnosticCodes.MissingPlatformFile, SourceLocation.StartOf(PlatformConfigLoader.FileName),
                $"{PlatformConfigLoader.FileName} not found in {root}",
                "run the command from the platform repository's root, pass --root DIR, or create one with 'onboard init'");
        }
        else
        {
            files.Add(new SourceFile(PlatformConfigLoader.FileName, hashSources ? Hash(configBytes) : ""));
            config = PlatformConfigLoader.Load(configBytes, PlatformConfigLoader.FileName, diagnostics);
        }

        var teamPaths = ListTeamFiles(root, diagnostics, overrides);
        var teams = new TeamFile?[teamPaths.Count];
        var hashes = new string[teamPaths.Count];
        void LoadTeam(int i)
        {
            var bytes = ReadOrNull(root, teamPaths[i], overrides) ?? [];
            hashes[i] = hashSources ? Hash(bytes) : "";
            teams[i] = TeamFileLoader.Load(bytes, teamPaths[i], diagnostics);
        }

        if (teamPaths.Count < ParallelThreshold)
        {
            for (var i = 0; i < teamPaths.Count; i++)
            {
                LoadTeam(i);
            }
        }
        else
        {
            Parallel.For(0, teamPaths.Count, LoadTeam);
        }

        for (var i = 0; i < teamPaths.Count; i++)
        {
            files.Add(new SourceFile(teamPaths[i], hashes[i]));
        }

        return new PlatformSources(root, config, [.. teams.OfType<TeamFile>()], files);
    }

    private static List<string> ListTeamFiles(string root, DiagnosticBag diagnostics, IReadOnlyDictionary<string, byte[]>? overrides)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var dir = Path.Combine(root, TeamsDir);
        if (Directory.Exists(dir))
        {
            foreach (var path in Directory.EnumerateFiles(dir))
            {
                var name = Path.GetFileName(path);
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
        }

        if (overrides is not null)
        {
            foreach (var path in overrides.Keys.Where(p => p.StartsWith(TeamsDir + "/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal)))
            {
                paths.Add(path);
            }
        }

        return [.. paths];
    }

    private static byte[]? ReadOrNull(string root, string relative, IReadOnlyDictionary<string, byte[]>? overrides)
    {
        if (overrides is not null && overrides.TryGetValue(relative, out var bytes))
        {
            return bytes;
        }

        var path = Path.Combine(root, relative);
        if (!File.Exists(path))
        {
            return null;
        }

        // A file over the YAML size limit is refused anyway; reading one byte past the limit is
        // enough to say so, whatever its real size.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var length = (int)Math.Min(stream.Length, Yaml.YamlLimits.Default.MaxBytes + 1L);
        var content = new byte[length];
        stream.ReadExactly(content);
        return content;
    }

    /// <summary>SHA-256 of the content with CRLF read as LF: a Windows checkout of a source hashes like any other.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(CrLfNormalizer.ToLf(bytes)));
}
