namespace Onboarding.Core.Compilation;

/// <summary>
/// Turns a check's differences into diagnostics. A bundle that was added or changed is reported at
/// its own line in its team file (where a PR annotation helps the author); whatever has no source
/// line is reported at the artifact itself.
/// </summary>
public static class StaleArtifactReport
{
    public const string FixHint = "recompile: run 'onboard compile' and commit the generated/ folder; never edit or merge generated files by hand";

    public const string ConflictHint =
        "recompile: run 'onboard compile' (it rewrites every generated file from teams/ and onboarding.yaml), then commit the generated/ folder; never resolve a conflict in generated files by hand";

    public static async Task AddAsync(
        PlatformSource source,
        CompiledPlatform platform,
        IReadOnlyList<EnvironmentSummary> summaries,
        IReadOnlyList<ArtifactChange> changes,
        PreviousManifest previous,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        if (changes.All(c => c.Status == ArtifactStatus.Unchanged))
        {
            return;
        }

        var outputDir = platform.Config.Outputs.Dir;
        var recorded = previous.Outputs;
        var bundleLines = platform.Teams
            .SelectMany(t => t.Bundles.Select(b => (b.Name, At: b.At.Name)))
            .GroupBy(b => b.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().At, StringComparer.Ordinal);

        var stale = changes.Where(c => c.Status != ArtifactStatus.Unchanged).ToArray();
        var staleJson = summaries.Where(s => !s.Diff.IsEmpty).Select(s => $"{outputDir}/{s.Name}/").ToArray();
        var manifest = ArtifactPaths.ManifestPath(outputDir);
        var catalog = ArtifactPaths.CatalogPath(outputDir);
        foreach (var change in stale)
        {
            var at = SourceLocation.StartOf(change.Path);
            var committed = change.Status == ArtifactStatus.Created ? null : await source.ReadAllAsync(change.Path, cancellationToken).ConfigureAwait(false);

            // Checked first: after a textual merge every other finding about this file is noise.
            if (committed is not null && ConflictMarkers.FirstLine(committed) is { } line)
            {
                diagnostics.Error(DiagnosticCodes.ConflictedArtifact, new SourceLocation(change.Path, line, 1),
                    $"{change.Path} holds git merge conflict markers (line {line}): git merged compiled output as text", ConflictHint);
                continue;
            }
            if (committed is not null && recorded.TryGetValue(change.Path, out var hash) && PlatformLoader.Hash(committed) != hash)
            {
                diagnostics.Error(DiagnosticCodes.HandEditedArtifact, at,
                    $"{change.Path} was changed after it was compiled (its SHA-256 differs from {ArtifactPaths.ManifestPath(outputDir)})",
                    FixHint);
            }

            // The env file, ConfigMap and manifest follow from the JSON list: when the list itself is
            // reported, repeating them adds noise, not information.
            var derived = !change.Path.EndsWith("/" + ArtifactPaths.BundleJson, StringComparison.Ordinal)
                && (staleJson.Any(prefix => change.Path.StartsWith(prefix, StringComparison.Ordinal))
                    || (change.Path == catalog && staleJson.Length > 0)
                    || (change.Path == manifest && stale.Length > 1));
            if (derived && change.Status == ArtifactStatus.Updated)
            {
                continue;
            }

            var summary = summaries.FirstOrDefault(s => ArtifactPaths.Json(outputDir, s.Name) == change.Path);
            if (summary is not null && !summary.Diff.IsEmpty && summary.Diff.Unreadable is null)
            {
                foreach (var name in summary.Diff.Added)
                {
                    diagnostics.Error(DiagnosticCodes.StaleArtifact, bundleLines.GetValueOrDefault(name, at),
                        $"bundle '{name}' is missing from {change.Path}", FixHint);
                }

                foreach (var bundle in summary.Diff.Changed)
                {
                    diagnostics.Error(DiagnosticCodes.StaleArtifact, bundleLines.GetValueOrDefault(bundle.Name, at),
                        $"bundle '{bundle.Name}' in {change.Path} is out of date ({string.Join(", ", bundle.Fields.Select(f => f.Field))})", FixHint);
                }

                foreach (var name in summary.Diff.Removed)
                {
                    diagnostics.Error(DiagnosticCodes.StaleArtifact, at,
                        $"bundle '{name}' is still in {change.Path} but no team enables it in '{summary.Name}' any more", FixHint);
                }

                continue;
            }

            if (change.Path == OnboardingIssueForm.FormPath)
            {
                var state = change.Status switch
                {
                    ArtifactStatus.Created => "is missing",
                    ArtifactStatus.Deleted => $"should be deleted: {OnboardingIssueForm.TemplatePath}, which it is generated from, is gone",
                    _ => "is out of date",
                };
                diagnostics.Error(DiagnosticCodes.StaleArtifact, at,
                    change.Status == ArtifactStatus.Deleted ? $"{change.Path} {state}"
                        : $"{change.Path} {state}: the onboarding issue form must offer the environments of onboarding.yaml ({string.Join(", ", platform.Environments.Select(e => e.Name))}) and follow {OnboardingIssueForm.TemplatePath}",
                    OnboardingIssueForm.FixHint);
                continue;
            }

            var what = change.Status switch
            {
                ArtifactStatus.Created => "is missing",
                ArtifactStatus.Deleted => "is no longer produced by any environment and should be deleted",
                _ when summary?.Diff.Unreadable is { } reason => $"is out of date: {reason}",
                _ => "is out of date",
            };
            diagnostics.Error(DiagnosticCodes.StaleArtifact, at, $"{change.Path} {what}", FixHint);
        }
    }
}
