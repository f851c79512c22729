using Onboarding.Core.Compilation;
using Onboarding.Core.Loading;

namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The files a compile reads and compares with (onboarding.yaml, teams/*.yaml, the outputs folder) as the
/// default branch holds them now, in a folder of their own. The checkout gives every file that matches the
/// branch by blob SHA; only the others are read from GitHub. A checkout taken before another team's pull
/// request was merged thus still yields artifacts that keep that team.
/// </summary>
internal sealed class PlatformSnapshot : IDisposable
{
    private PlatformSnapshot(string root, IReadOnlyList<string> fromBranch)
    {
        Root = root;
        FromBranch = fromBranch;
    }

    public string Root { get; }

    /// <summary>The paths where the checkout differed from the branch: read from GitHub, or removed.</summary>
    public IReadOnlyList<string> FromBranch { get; }

    /// <param name="checkout">The job's checkout of the platform repository.</param>
    /// <param name="outputsDir">The configured outputs folder, e.g. <c>generated</c>.</param>
    /// <param name="branchFiles">Path → blob SHA of every file on the default branch.</param>
    /// <param name="readBlob">Reads one blob of the platform repository by SHA.</param>
    public static async Task<PlatformSnapshot> CreateAsync(string checkout, string outputsDir, IReadOnlyDictionary<string, string> branchFiles, Func<string, Task<byte[]>> readBlob)
    {
        ArgumentNullException.ThrowIfNull(branchFiles);
        ArgumentNullException.ThrowIfNull(readBlob);
        var root = Path.Combine(Path.GetTempPath(), $"onboard-base-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var local = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(checkout, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(checkout, file).Replace(Path.DirectorySeparatorChar, '/');
                if (Compiled(relative, outputsDir))
                {
                    local[relative] = File.ReadAllBytes(file);
                }
            }

            var remote = branchFiles.Where(file => Compiled(file.Key, outputsDir)).ToDictionary(file => file.Key, file => file.Value, StringComparer.Ordinal);
            var fromBranch = new List<string>();
            foreach (var path in local.Keys.Union(remote.Keys).Order(StringComparer.Ordinal))
            {
                var mine = local.GetValueOrDefault(path);
                var theirs = remote.GetValueOrDefault(path);
                byte[]? content = mine;
                if (theirs is null)
                {
                    content = null;
                }
                else if (mine is null || GitBlobSha.Of(mine) != theirs)
                {
                    content = await readBlob(theirs);
                }

                if (!ReferenceEquals(content, mine))
                {
                    fromBranch.Add(path);
                }

                if (content is not null)
                {
                    // A path from GitHub becomes a file path here: it must stay inside the snapshot.
                    var target = ArtifactWriter.SafePath(root, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    await File.WriteAllBytesAsync(target, content);
                }
            }

            return new PlatformSnapshot(root, fromBranch);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder holds only platform files: not worth failing the run for.
        }
    }

    private static bool Compiled(string path, string outputsDir) =>
        path == PlatformConfigLoader.FileName
        || (path.StartsWith(PlatformLoader.TeamsDir + "/", StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal)
            && path.IndexOf('/', PlatformLoader.TeamsDir.Length + 1) < 0)
        || path.StartsWith(outputsDir.TrimEnd('/') + "/", StringComparison.Ordinal);
}
