using System.Text;
using Onboarding.Core.Pipelines;
using Onboarding.GitHub.Models;

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

    /// <summary>Tree entries with inline content, ordered by path; empty when the checkout has no such folder.</summary>
    public static async Task<IReadOnlyList<TreeEntry>> EntriesAsync(string root, Values values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var folder = Path.Combine(root, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var entries = new List<TreeEntry>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            var text = new StringBuilder(File.ReadAllText(file, Encoding.UTF8))
                .Replace("{{team}}", values.Team)
                .Replace("{{github_team}}", values.GitHubTeam)
                .Replace("{{org}}", values.Org)
                .Replace("{{platform_repo}}", values.PlatformRepo)
                .Replace("{{repo}}", values.Repo)
                .Replace(TemplateActionRepository, $"{values.Org}/{values.PlatformRepo}@")
                .ToString();
            var executable = !OperatingSystem.IsWindows() && File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute);
            entries.Add(new TreeEntry(relative, text, executable ? TreeEntry.ExecutableFile : TreeEntry.RegularFile));
        }

        return values.PlatformFile is null ? entries : await WithPipelinesAsync(entries, values.PlatformFile, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<TreeEntry>> WithPipelinesAsync(List<TreeEntry> entries, string platformFile, CancellationToken cancellationToken)
    {
        var modes = entries.ToDictionary(e => e.Path, e => e.Mode, StringComparer.Ordinal);
        var files = await TeamRepositoryPipelines.SeedAsync(
            entries.ToDictionary(e => e.Path, e => e.Content!, StringComparer.Ordinal), platformFile, cancellationToken).ConfigureAwait(false);
        return [.. files.Select(f => new TreeEntry(f.Key, f.Value, modes.GetValueOrDefault(f.Key, TreeEntry.RegularFile)))];
    }
}
