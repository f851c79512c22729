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
        var sources = PlatformLoader.Load(root, diagnostics, overrides);
        var platform = BundleCompiler.Compile(sources, diagnostics);
        if (platform is null || diagnostics.HasErrors)
        {
            return new CompileResult(mode, diagnostics.Sorted(), sources.Teams.Count, sources.Teams.Sum(t => t.Bundles.Count), [], []);
        }

        var config = platform.Config;
        var artifacts = ArtifactRenderer.Render(platform);
        var summaries = new List<EnvironmentSummary>();
        foreach (var environment in platform.Environments)
        {
            var jsonPath = ArtifactPaths.Json(config.Outputs.Dir, environment.Name);
            var committed = mode == CompileMode.Validate ? null : ReadIfExists(sources.Root, jsonPath);
            var diff = mode == CompileMode.Validate
                ? new EnvironmentDiff(environment.Name, [], [], [], null)
                : EnvironmentDiff.Compare(environment.Name, committed, artifacts.Files[jsonPath]);
            summaries.Add(new EnvironmentSummary(environment.Name, environment.Bundles.Count, diff));

            if (environment.Bundles.Count == 0)
            {
                ReportEmpty(environment, mode, diagnostics);
            }
        }

        IReadOnlyList<ArtifactChange> changes = mode switch
        {
            CompileMode.Write => ArtifactWriter.Write(sources.Root, config.Outputs.Dir, artifacts),
            CompileMode.Check => ArtifactWriter.Plan(sources.Root, config.Outputs.Dir, artifacts),
            _ => [],
        };

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
            diagnostics.Error(DiagnosticCodes.EmptyEnvironment, environment.Environment.Key.Location, message, Hint);
        }
        else
        {
            diagnostics.Warning(DiagnosticCodes.EmptyEnvironment, environment.Environment.Key.Location, message, Hint);
        }
    }

    private static byte[]? ReadIfExists(string root, string relative)
    {
        var path = ArtifactWriter.SafePath(root, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }
}
