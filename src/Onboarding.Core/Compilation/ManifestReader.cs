using System.Text.Json;
using Onboarding.Core.Sources;

namespace Onboarding.Core.Compilation;

/// <summary>The output hashes recorded by the previous compile, if its manifest is readable.</summary>
internal static class ManifestReader
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadOutputsAsync(PlatformSource source, string outputDir, CancellationToken cancellationToken)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var bytes = await source.ReadAllAsync(ArtifactPaths.ManifestPath(outputDir), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return outputs;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("outputs", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in map.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.String && IsOwnedPath(entry.Name, outputDir))
                    {
                        outputs[entry.Name] = entry.Value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A broken manifest (hand edit, merge conflict) only loses the stale-file list; the
            // compile rewrites it.
        }

        return outputs;
    }

    /// <summary>Only plain files under the output folder are ever deleted on the manifest's word.</summary>
    private static bool IsOwnedPath(string path, string outputDir) =>
        path.StartsWith(outputDir + "/", StringComparison.Ordinal)
        && !path.Contains("..", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal);
}
