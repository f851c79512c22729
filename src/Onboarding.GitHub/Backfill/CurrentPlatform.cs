namespace Onboarding.GitHub.Backfill;

/// <summary>
/// The platform as its default branch holds it now, compiled: a checkout taken before another pull request was
/// merged still converges to what is on the branch (see <see cref="GitTreeSource"/>).
/// </summary>
/// <param name="Artifacts">Every generated file, path → bytes, as a compile of the branch writes it.</param>
/// <param name="Committed">The bundle lists on the branch, path → bytes, for the per-environment diff.</param>
/// <param name="Obsolete">Generated files on the branch that the compile no longer writes (a removed environment or format).</param>
public sealed record CurrentPlatform(
    PlatformConfig Config,
    BranchFiles Branch,
    CompiledPlatform Compiled,
    IReadOnlyDictionary<string, byte[]> Artifacts,
    IReadOnlyDictionary<string, byte[]> Committed,
    IReadOnlyList<string> Obsolete)
{
    private static IReadOnlyList<string> GeneratedNames => ArtifactPaths.FileNames;

    /// <summary>Null with <paramref name="diagnostics"/> filled when the platform files do not validate.</summary>
    public static async Task<CurrentPlatform?> LoadAsync(GitHubClient client, CallJournal journal, string root, string owner, string repo, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var checkout = new DiskSource(root);
        var checkoutConfig = await PlatformLoader.LoadConfigAsync(checkout, diagnostics, cancellationToken);
        if (checkoutConfig is null || diagnostics.HasErrors)
        {
            return null;
        }

        journal.Read("/repos/{owner}/{repo}", owner, repo);
        var platform = await client.GetRepositoryAsync(owner, repo, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}", 404, $"the platform repository {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
        var git = new GitReader(client, journal);
        var branch = await git.ReadBranchAsync(owner, repo, platform.DefaultBranch, cancellationToken);
        var source = new GitTreeSource($"{owner}/{repo}@{branch.Branch}", branch, checkout, (sha, token) => git.ReadBlobAsync(owner, repo, sha, token));
        var compilation = await PlatformCompilation.CompileAsync(source, hashSources: true, cancellationToken);
        diagnostics.AddRange(compilation.Diagnostics.Sorted());
        if (compilation.Platform is not { } compiled || diagnostics.HasErrors)
        {
            return null;
        }

        var artifacts = compilation.RenderAll();
        var committed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var environment in compiled.Environments)
        {
            var path = ArtifactPaths.Json(compiled.Config.Outputs.Dir, environment.Name);
            if (await source.ReadAllAsync(path, cancellationToken) is { } bytes)
            {
                committed[path] = bytes;
            }
        }

        var prefix = compiled.Config.Outputs.Dir.TrimEnd('/') + "/";
        var obsolete = branch.Files.Keys
            .Where(path => path.StartsWith(prefix, StringComparison.Ordinal) && GeneratedNames.Contains(Path.GetFileName(path)) && !artifacts.ContainsKey(path))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CurrentPlatform(compiled.Config, branch, compiled, artifacts, committed, obsolete);
    }

    /// <summary>The artifacts whose bytes differ from the branch (or are missing there), ordered by path.</summary>
    public IReadOnlyList<string> StalePaths() =>
        [.. Artifacts.Where(file => !Branch.Files.TryGetValue(file.Key, out var sha) || sha != GitBlobSha.Of(file.Value)).Select(file => file.Key).Order(StringComparer.Ordinal)];
}
