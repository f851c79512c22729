using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;

namespace Onboarding.Core.Compilation;

/// <summary>
/// The one entry point of validate, compile and compile --check: load, validate, compile, render,
/// then write or compare. A failed validation writes nothing, so the previous artifacts stay intact.
/// </summary>
internal static class PlatformCompilation
{
    public static CompileResult Run(string root, CompileMode mode, IReadOnlyDictionary<string, byte[]>? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        var sources = PlatformLoader.Load(root, diagnostics, overrides, hashSources: mode != CompileMode.Validate);
        var platform = BundleCompiler.Compile(sources, diagnostics);
        if (platform is null || diagnostics.HasErrors)
        {
            return new CompileResult(mode, diagnostics.Sorted(), sources.Teams.Count, sources.Teams.Sum(t => t.Bundles.Count), [], []);
        }

        var config = platform.Config;
        var diffs = new Dictionary<string, EnvironmentDiff>(StringComparer.Ordinal);
        IReadOnlyList<ArtifactChange> changes = mode == CompileMode.Validate
            ? []
            : ArtifactWriter.Apply(sources.Root, config.Outputs.Dir, ArtifactRenderer.Render(platform), write: mode == CompileMode.Write,
                (artifact, status) =>
                {
                    if (artifact.Environment is { } env)
                    {
                        diffs[env] = status == ArtifactStatus.Unchanged
                            ? EnvironmentDiff.None(env)
                            : EnvironmentDiff.Compare(env, ReadIfExists(sources.Root, artifact.Path), artifact.Content);
                    }
                });

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
            StaleArtifactReport.Add(sources, platform, summaries, changes, diagnostics);
        }

        return new CompileResult(mode, diagnostics.Sorted(), sources.Teams.Count, sources.Teams.Sum(t => t.Bundles.Count), summaries, changes);
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

    private static byte[]? ReadIfExists(string root, string relative)
    {
        var path = ArtifactWriter.SafePath(root, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
