namespace Onboarding.Core.Compilation;

/// <summary>
/// One compilation of a platform: its files loaded from one <see cref="PlatformSource"/>, validated and compiled,
/// in memory. Every consumer takes the same compilation: the disk sync, the <c>--check</c> diff, the onboarding
/// plan, the GitHub tree commit, backfill, regenerate and import's round-trip proof. Artifacts are rendered on
/// demand, one at a time, so memory stays flat however many teams there are.
/// </summary>
public sealed class PlatformCompilation
{
    private PlatformCompilation(PlatformSources inputs, CompiledPlatform? platform, DiagnosticBag diagnostics)
    {
        Inputs = inputs;
        Platform = platform;
        Diagnostics = diagnostics;
    }

    public PlatformSource Source => Inputs.Source;

    public PlatformSources Inputs { get; }

    /// <summary>Null when the platform does not compile; <see cref="Diagnostics"/> say why.</summary>
    public CompiledPlatform? Platform { get; }

    public DiagnosticBag Diagnostics { get; }

    public bool Succeeded => Platform is not null && !Diagnostics.HasErrors;

    /// <param name="hashSources">Whether the manifest's source hashes are needed (not for validation).</param>
    public static Task<PlatformCompilation> CompileAsync(PlatformSource source, bool hashSources, CancellationToken cancellationToken) =>
        CompileAsync(source, hashSources, stageFinished: null, cancellationToken);

    private static async Task<PlatformCompilation> CompileAsync(PlatformSource source, bool hashSources, Action<string>? stageFinished, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var inputs = await PlatformLoader.LoadAsync(source, diagnostics, hashSources, cancellationToken).ConfigureAwait(false);
        stageFinished?.Invoke("load");
        var platform = BundleCompiler.Compile(inputs, diagnostics);
        stageFinished?.Invoke("compile");
        return new PlatformCompilation(inputs, diagnostics.HasErrors ? null : platform, diagnostics);
    }

    /// <summary>
    /// This platform with <paramref name="teamFiles"/> (path → bytes) written, compiled without reading any other
    /// file again: import proves its round trip this way.
    /// </summary>
    public PlatformCompilation WithTeamFiles(IReadOnlyDictionary<string, byte[]> teamFiles)
    {
        var diagnostics = new DiagnosticBag();
        var inputs = PlatformLoader.WithTeamFiles(Inputs, teamFiles, diagnostics);
        var platform = BundleCompiler.Compile(inputs, diagnostics);
        return new PlatformCompilation(inputs, diagnostics.HasErrors ? null : platform, diagnostics);
    }

    /// <summary><c>validate</c>, <c>compile</c> or <c>compile --check</c> of the working tree at <paramref name="root"/>.</summary>
    public static Task<CompileResult> RunAsync(string root, CompileMode mode, CancellationToken cancellationToken) =>
        RunAsync(root, mode, stageFinished: null, cancellationToken);

    /// <param name="stageFinished">Called with the name of each stage as it ends: load (read, parse, bind), compile, apply (render, compare, write).</param>
    public static async Task<CompileResult> RunAsync(string root, CompileMode mode, Action<string>? stageFinished, CancellationToken cancellationToken)
    {
        var source = new DiskSource(root);
        var compilation = await CompileAsync(source, hashSources: mode != CompileMode.Validate, stageFinished, cancellationToken).ConfigureAwait(false);
        var result = await compilation.ApplyAsync(mode, mode == CompileMode.Write ? source.Root : null, cancellationToken).ConfigureAwait(false);
        stageFinished?.Invoke("apply");
        return result;
    }

    /// <summary>Every artifact, rendered one at a time; empty when the platform does not compile.</summary>
    public IEnumerable<Artifact> RenderArtifacts() => Platform is null ? [] : ArtifactRenderer.Render(Platform);

    /// <summary>Every artifact copied out, path → bytes, for consumers that commit them elsewhere.</summary>
    public SortedDictionary<string, byte[]> RenderAll() =>
        new(RenderArtifacts().ToDictionary(a => a.Path, a => a.Content.ToArray(), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// Compares the artifacts with those the source holds and, in <see cref="CompileMode.Write"/>, writes the ones
    /// that changed into <paramref name="writeRoot"/> (the working tree the source reads). A failed validation
    /// writes nothing, so the previous artifacts stay intact.
    /// </summary>
    public async Task<CompileResult> ApplyAsync(CompileMode mode, string? writeRoot, CancellationToken cancellationToken)
    {
        if (mode == CompileMode.Write && writeRoot is null)
        {
            throw new ArgumentNullException(nameof(writeRoot), "a compile that writes needs the folder to write into");
        }

        var teams = Inputs.Teams.Count;
        var bundleNames = Inputs.Teams.Sum(t => t.Bundles.Count);
        if (Platform is not { } platform)
        {
            return new CompileResult(mode, Diagnostics.Sorted(), teams, bundleNames, [], []);
        }

        // Each application reports into its own copy, so a compilation can be applied more than once.
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(Diagnostics.Sorted());
        var diffs = new Dictionary<string, EnvironmentDiff>(StringComparer.Ordinal);
        var previous = mode == CompileMode.Validate
            ? PreviousManifest.None
            : await ManifestReader.ReadAsync(Source, platform.Config.Outputs.Dir, cancellationToken).ConfigureAwait(false);
        if (previous.Unreadable is { } why)
        {
            var manifest = ArtifactPaths.ManifestPath(platform.Config.Outputs.Dir);
            diagnostics.Warning(DiagnosticCodes.StaleArtifact, SourceLocation.StartOf(manifest),
                $"{manifest} cannot be read ({why}), so it is treated as absent{(mode == CompileMode.Write ? " and written anew" : string.Empty)}",
                mode == CompileMode.Write ? "commit the rewritten generated/ folder" : StaleArtifactReport.FixHint);
        }

        IReadOnlyList<ArtifactChange> changes;
        try
        {
            if (mode == CompileMode.Write)
            {
                // Before anything is written: the output folders must be folders of the repository, not links out of it.
                foreach (var folder in platform.Environments.Select(e => $"{platform.Config.Outputs.Dir}/{e.Name}").Prepend(platform.Config.Outputs.Dir)
                             .Concat(platform.IssueFormTemplate is null ? [] : [".github", OnboardingIssueForm.FormFolder]))
                {
                    await Source.CheckFolderAsync(folder, cancellationToken).ConfigureAwait(false);
                }
            }

            changes = mode == CompileMode.Validate
                ? []
                : await ArtifactWriter.ApplyAsync(Source, platform.Config.Outputs.Dir, previous, RenderArtifacts(), mode == CompileMode.Write ? writeRoot : null,
                    async (artifact, status) =>
                    {
                        if (artifact.Environment is { } env)
                        {
                            diffs[env] = status == ArtifactStatus.Unchanged
                                ? EnvironmentDiff.None(env)
                                : EnvironmentDiff.Compare(env, await Source.ReadAllAsync(artifact.Path, cancellationToken).ConfigureAwait(false), artifact.Content);
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
        }
        catch (UnusableFileException e)
        {
            diagnostics.Add(e.ToDiagnostic());
            return new CompileResult(mode, diagnostics.Sorted(), teams, bundleNames, [], []);
        }

        var summaries = new List<EnvironmentSummary>();
        foreach (var environment in platform.Environments)
        {
            summaries.Add(new EnvironmentSummary(environment.Name, environment.Bundles.Count, diffs.GetValueOrDefault(environment.Name) ?? EnvironmentDiff.None(environment.Name)));
            if (environment.Bundles.Count == 0)
            {
                ReportEmpty(environment, mode, diagnostics);
            }
        }

        if (mode == CompileMode.Check)
        {
            try
            {
                await StaleArtifactReport.AddAsync(Source, platform, summaries, changes, previous, diagnostics, cancellationToken).ConfigureAwait(false);
            }
            catch (UnusableFileException e)
            {
                diagnostics.Add(e.ToDiagnostic());
            }
        }

        return new CompileResult(mode, diagnostics.Sorted(), teams, bundleNames, summaries, changes);
    }

    private static void ReportEmpty(CompiledEnvironment environment, CompileMode mode, DiagnosticBag diagnostics)
    {
        if (environment.Environment.AllowEmpty)
        {
            return;
        }

        var message = $"environment '{environment.Name}' gets an empty bundle list: Airflow would load no DAGs there at all";
        const string Hint = "enable at least one bundle for it, or set 'allow_empty: true' on the environment if that is intended";
        if (mode == CompileMode.Check)
        {
            diagnostics.Error(DiagnosticCodes.EmptyEnvironment, environment.Environment.At, message, Hint);
        }
        else
        {
            diagnostics.Warning(DiagnosticCodes.EmptyEnvironment, environment.Environment.At, message, Hint);
        }
    }
}
