using System.Text.Json;

namespace Onboarding.Core.Compilation;

/// <summary>The output hashes recorded by the previous compile, if its manifest is readable.</summary>
internal static class ManifestReader
{
    public static IReadOnlyDictionary<string, string> ReadOutputs(string root, string outputDir)
    {
        var path = Path.Combine(root, ArtifactPaths.ManifestPath(outputDir));
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return outputs;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
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
