namespace Onboarding.Git.Regeneration;

/// <summary>The parts of a <c>pull_request</c> event that decide whether the check may push to the branch.</summary>
public sealed record PullRequestEvent(int Number, string HeadRepository, string BaseRepository, string HeadRef, string HeadSha)
{
    public bool FromFork => !string.Equals(HeadRepository, BaseRepository, StringComparison.OrdinalIgnoreCase);

    /// <summary>The event's pull request, or null when the file holds no pull request (push, merge_group...).</summary>
    public static async Task<PullRequestEvent?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        if (!document.RootElement.TryGetProperty("pull_request", out var pr) || pr.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // A fork that was deleted has "repo": null: it is not this repository either.
        return new PullRequestEvent(
            pr.TryGetProperty("number", out var number) && number.TryGetInt32(out var n) ? n : 0,
            Text(pr, "head", "repo", "full_name") ?? "(deleted fork)",
            Text(pr, "base", "repo", "full_name") ?? string.Empty,
            Text(pr, "head", "ref") ?? string.Empty,
            Text(pr, "head", "sha") ?? string.Empty);
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
