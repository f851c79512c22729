namespace Onboarding.Core.Pipelines;

/// <summary>
/// Compiles a team repository's pipelines in memory: reads <c>.onboard/platform.yaml</c> and
/// <c>pipelines/*.yaml</c>, checks every rule, and generates the DAG files, the manifest and the
/// editor schema. Nothing is generated while any pipeline has an error.
/// </summary>
public static class PipelineCompiler
{
    public const string SchemaFile = ".onboard/pipeline.schema.json";

    public static async Task<PipelineBuild> BuildAsync(PlatformSource files, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var platform = await TeamPlatformLoader.LoadAsync(files, diagnostics, cancellationToken).ConfigureAwait(false);
        var listed = await ListAsync(files, PipelineLoader.Folder, diagnostics, cancellationToken).ConfigureAwait(false);
        var pipelines = new List<Pipeline>();
        var failed = false;
        foreach (var file in listed.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var pipeline = await PipelineLoader.LoadAsync(files, file, platform, diagnostics, cancellationToken).ConfigureAwait(false);
            if (pipeline is null)
            {
                failed = true;
            }
            else
            {
                pipelines.Add(pipeline);
            }
        }

        foreach (var other in listed.Where(f => f.EndsWith(".yml", StringComparison.Ordinal)))
        {
            diagnostics.Error(DiagnosticCodes.PipelineFileNameMismatch, SourceLocation.StartOf(other),
                $"{other} is not read: pipeline files end in .yaml", $"rename it to {Path.ChangeExtension(other, ".yaml")}");
        }

        // A file that failed to load may produce the asset another one waits for: judge assets only on a full set.
        if (!failed)
        {
            CheckAssets(pipelines, diagnostics);
        }

        if (platform is null || diagnostics.HasErrors)
        {
            return new PipelineBuild(platform, [], [], diagnostics.Sorted());
        }

        var resolved = new List<ResolvedPipeline>();
        foreach (var pipeline in pipelines)
        {
            if (PipelineResolver.Resolve(pipeline, platform, diagnostics) is { } r)
            {
                resolved.Add(r);
            }
        }

        if (diagnostics.HasErrors)
        {
            return new PipelineBuild(platform, [], [], diagnostics.Sorted());
        }

        var generated = new List<GeneratedFile>();
        var dags = new List<(ResolvedPipeline, byte[], string)>();
        foreach (var r in resolved)
        {
            var content = Encoding.UTF8.GetBytes(DagFileWriter.Write(r));
            generated.Add(new GeneratedFile(r.DagFile, content, r.Pipeline.Path));
            var source = await files.ReadAsync(r.Pipeline.Path, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
            dags.Add((r, content, Loading.PlatformLoader.Hash(source ?? [])));
        }

        generated.Add(new GeneratedFile(DagManifestWriter.FileName, DagManifestWriter.Write(platform.Team, dags), null));
        generated.Add(new GeneratedFile(SchemaFile, PipelineSchemas.Pipeline(), null));
        return new PipelineBuild(platform, resolved, [.. generated.OrderBy(g => g.Path, StringComparer.Ordinal)], diagnostics.Sorted());
    }

    /// <summary>
    /// A YAML file of the team repository, at most the YAML size limit plus one byte (the reader refuses more);
    /// null when it is missing, or unusable (a FIFO, a link leaving the repository), which is reported.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(PlatformSource files, string path, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            return await files.ReadAsync(path, YamlLimits.Default.MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (UnusableFileException e)
        {
            diagnostics.Add(e.ToDiagnostic());
            return null;
        }
    }

    /// <summary>The files directly in <paramref name="folder"/>, as repository paths in ordinal order; none when it is missing or unusable.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(PlatformSource files, string folder, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        try
        {
            var listed = await files.ListAsync(folder, cancellationToken).ConfigureAwait(false);
            return listed is null ? [] : [.. listed.Files.Select(name => $"{folder}/{name}")];
        }
        catch (UnusableFileException e)
        {
            diagnostics.Add(e.ToDiagnostic());
            return [];
        }
    }

    private static void CheckAssets(List<Pipeline> pipelines, DiagnosticBag diagnostics)
    {
        var producers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            foreach (var asset in pipeline.ProducedAssets)
            {
                producers.TryAdd(asset, pipeline.Path);
            }
        }

        foreach (var pipeline in pipelines)
        {
            foreach (var asset in pipeline.Schedule.Assets)
            {
                if (!producers.ContainsKey(asset) && !pipeline.ExternalAssets.Contains(asset))
                {
                    diagnostics.Error(DiagnosticCodes.PipelineUnproducedAsset, pipeline.Locations.ScheduleAssets[asset],
                        $"the schedule waits for asset {Display.Quote(asset)}, which no pipeline of this repository produces",
                        "add it to a step's 'produces', or list it under 'external_assets' when another repository produces it");
                }
            }
        }
    }
}
