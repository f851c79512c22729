namespace Onboarding.Core.Pipelines;

/// <summary>
/// The pipeline files of a new team repository's seed: its <c>.onboard/platform.yaml</c>, and the
/// example pipelines compiled for that team, so the repository's first check passes. An example
/// the platform's policy does not allow (say, a connection it lacks) is left out rather than seeded broken.
/// </summary>
public static class TeamRepositoryPipelines
{
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(IReadOnlyDictionary<string, string> files, string platformFile, CancellationToken cancellationToken)
    {
        var result = new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal)
        {
            [TeamPlatformLoader.FileName] = platformFile,
        };

        var build = await PipelineCompiler.BuildAsync(InMemory(result), cancellationToken).ConfigureAwait(false);
        if (build.HasErrors)
        {
            foreach (var path in result.Keys.Where(p => p.StartsWith(PipelineLoader.Folder + "/", StringComparison.Ordinal)).ToList())
            {
                result.Remove(path);
            }

            build = await PipelineCompiler.BuildAsync(InMemory(result), cancellationToken).ConfigureAwait(false);
        }

        foreach (var path in result.Where(f => f.Key.StartsWith(PipelineResolver.DagFolder + "/", StringComparison.Ordinal) && f.Value.StartsWith(DagFileWriter.Marker, StringComparison.Ordinal)).Select(f => f.Key).ToList())
        {
            result.Remove(path);
        }

        foreach (var file in build.Files)
        {
            result[file.Path] = Encoding.UTF8.GetString(file.Content);
        }

        return result;
    }

    private static OverlaySource InMemory(IReadOnlyDictionary<string, string> files) =>
        new(PlatformSource.Nothing, files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal));
}
