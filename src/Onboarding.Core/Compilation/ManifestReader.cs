namespace Onboarding.Core.Compilation;

/// <summary>The output hashes the previous compile recorded; <paramref name="Unreadable"/> says why there are none when the manifest exists but cannot be used.</summary>
public sealed record PreviousManifest(IReadOnlyDictionary<string, string> Outputs, string? Unreadable)
{
    public static PreviousManifest None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), null);
}

/// <summary>Reads the previous compile's manifest. One that cannot be read is treated as absent, so a compile repairs it.</summary>
public static class ManifestReader
{
    public static async Task<PreviousManifest> ReadAsync(PlatformSource source, string outputDir, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await source.ReadAllAsync(ArtifactPaths.ManifestPath(outputDir), cancellationToken).ConfigureAwait(false);
        }
        catch (UnusableFileException e)
        {
            return PreviousManifest.None with { Unreadable = e.Problem };
        }

        if (bytes is null)
        {
            return PreviousManifest.None;
        }

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
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
        catch (JsonException e)
        {
            // A broken manifest (hand edit, merge conflict) only loses the stale-file list; the compile rewrites it.
            return PreviousManifest.None with { Unreadable = $"it is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" };
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid text, such as a lone surrogate escape.
            return PreviousManifest.None with { Unreadable = "it holds a string that is not valid text" };
        }

        return new PreviousManifest(outputs, null);
    }

    /// <summary>Only plain files under the output folder, and the generated issue form, are ever deleted on the manifest's word.</summary>
    private static bool IsOwnedPath(string path, string outputDir) =>
        path == IssueForms.OnboardingIssueForm.FormPath
        || (path.StartsWith(outputDir + "/", StringComparison.Ordinal)
        && !path.Contains("..", StringComparison.Ordinal)
        && !path.Contains('\\', StringComparison.Ordinal));
}
