namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The starter files of a team repository created without <c>github.template_repo</c>: templates/team-repo/ of
/// the platform checkout with its placeholders filled. Every value filled in has passed a name pattern.
/// </summary>
public static class TeamRepositorySeed
{
    public const string Folder = "templates/team-repo";

    /// <summary>The action reference the template's workflows pin (a valid reference, so the template itself passes the audit); seeding names the platform's repository instead.</summary>
    public const string TemplateActionRepository = "acme-data/airflow-platform@";

    /// <param name="PlatformFile">The team's .onboard/platform.yaml; with it the example pipelines are compiled for this team.</param>
    public sealed record Values(string Team, string GitHubTeam, string Org, string PlatformRepo, string Repo, string? PlatformFile = null);

    /// <summary>The largest starter file copied into a new repository.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Tree entries with inline content, ordered by path; empty when the checkout has no such folder.</summary>
    /// <exception cref="UnusableFileException">A starter file is a link leaving the platform repository, a FIFO or device, or too large.</exception>
    public static async Task<IReadOnlyList<TreeEntry>> EntriesAsync(string root, Values values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var source = new DiskSource(root);
        var entries = new List<TreeEntry>();
        await CollectAsync(source, Folder, values, entries, cancellationToken).ConfigureAwait(false);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return values.PlatformFile is null ? entries : await WithPipelinesAsync(entries, values.PlatformFile, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads through the platform's <see cref="DiskSource"/>: a template file that is a link out of the repository is never copied into a team's.</summary>
    private static async Task CollectAsync(DiskSource source, string folder, Values values, List<TreeEntry> entries, CancellationToken cancellationToken)
    {
        if (await source.ListAsync(folder, cancellationToken).ConfigureAwait(false) is not { } listed)
        {
            return;
        }

        foreach (var name in listed.Files)
        {
            var path = $"{folder}/{name}";
            var bytes = await source.ReadAsync(path, MaxFileBytes, cancellationToken).ConfigureAwait(false) ?? [];
            if (bytes.Length > MaxFileBytes)
            {
                throw new UnusableFileException(path, DiagnosticCodes.UnreadableFile, $"is larger than {MaxFileBytes} bytes", "keep starter files small: teams add their own content");
            }

            var text = new StringBuilder(Encoding.UTF8.GetString(bytes))
                .Replace("{{team}}", values.Team)
                .Replace("{{github_team}}", values.GitHubTeam)
                .Replace("{{org}}", values.Org)
                .Replace("{{platform_repo}}", values.PlatformRepo)
                .Replace("{{repo}}", values.Repo)
                .Replace(TemplateActionRepository, $"{values.Org}/{values.PlatformRepo}@")
                .ToString();
            var executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(SourcePaths.Resolve(source.Root, path)).HasFlag(UnixFileMode.UserExecute);
            entries.Add(new TreeEntry(path[(Folder.Length + 1)..], text, executable ? TreeEntry.ExecutableFile : TreeEntry.RegularFile));
        }

        foreach (var sub in listed.Folders)
        {
            await CollectAsync(source, $"{folder}/{sub}", values, entries, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<TreeEntry>> WithPipelinesAsync(List<TreeEntry> entries, string platformFile, CancellationToken cancellationToken)
    {
        var modes = entries.ToDictionary(e => e.Path, e => e.Mode, StringComparer.Ordinal);
        var files = await TeamRepositoryPipelines.SeedAsync(
            entries.ToDictionary(e => e.Path, e => e.Content!, StringComparer.Ordinal), platformFile, cancellationToken).ConfigureAwait(false);
        return [.. files.Select(f => new TreeEntry(f.Key, f.Value, modes.GetValueOrDefault(f.Key, TreeEntry.RegularFile)))];
    }
}
