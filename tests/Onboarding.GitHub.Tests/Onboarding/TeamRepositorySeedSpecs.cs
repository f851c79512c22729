using Onboarding.GitHub.Models;
using Onboarding.GitHub.Onboarding;
using Onboarding.Testing;

namespace Onboarding.GitHub.Tests.Onboarding;

public sealed class TeamRepositorySeedSpecs
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_starter_files_get_every_placeholder_filled_and_keep_the_executable_bit()
    {
        using var root = new TempDirectory();
        root.Write("templates/team-repo/README.md", "# {{repo}} of {{team}}\nsee {{org}}/{{platform_repo}}\n");
        root.Write("templates/team-repo/CODEOWNERS", "* @{{org}}/{{github_team}}\n");
        var script = root.Write("templates/team-repo/bin/check.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var entries = await TeamRepositorySeed.EntriesAsync(root.Path, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest"), CancellationToken.None);

        Assert.Equal(
            [
                new TreeEntry("CODEOWNERS", "* @acme/ingest-eng\n"),
                new TreeEntry("README.md", "# airflow-ingest of ingest\nsee acme/platform\n"),
                new TreeEntry("bin/check.sh", "#!/bin/sh\n", TreeEntry.ExecutableFile),
            ],
            entries);
    }

    [Fact]
    public async Task A_starter_file_that_links_out_of_the_platform_repository_is_never_copied()
    {
        using var outside = new TempDirectory();
        var secret = outside.Write("secret.txt", "token=do-not-copy\n");
        using var root = new TempDirectory();
        root.Write("templates/team-repo/README.md", "# {{repo}}\n");
        File.CreateSymbolicLink(Path.Combine(root.Path, "templates/team-repo/NOTES.md"), secret);

        var refused = await Assert.ThrowsAsync<Core.Sources.UnusableFileException>(() =>
            TeamRepositorySeed.EntriesAsync(root.Path, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest"), CancellationToken.None));

        Assert.Equal("templates/team-repo/NOTES.md", refused.FilePath);
        Assert.Equal(Core.Diagnostics.DiagnosticCodes.LinkLeavesRepository, refused.Code);
        Assert.DoesNotContain("do-not-copy", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repository_templates_fill_without_leftover_placeholders()
    {
        var entries = await TeamRepositorySeed.EntriesAsync(RepositoryLayout.Root, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest"), CancellationToken.None);

        Assert.Contains(entries, entry => entry.Path == "dags/example_dag.py");
        Assert.All(entries, entry => Assert.DoesNotMatch(@"\{\{\s*(team|github_team|org|platform_repo|repo)\s*\}\}", entry.Content!));
    }

    [Fact]
    public async Task A_seeded_repository_gets_its_platform_file_and_the_example_pipelines_compiled_for_its_team()
    {
        var platformFile = PlatformFileFor("ingest", "connections: [\"warehouse\"]");

        var entries = await TeamRepositorySeed.EntriesAsync(RepositoryLayout.Root, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest", platformFile), CancellationToken.None);

        Assert.Equal(platformFile, entries.Single(e => e.Path == ".onboard/platform.yaml").Content);
        Assert.Contains("dag_id=\"ingest__orders_daily\"", entries.Single(e => e.Path == "dags/orders_daily.py").Content, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.Path == ".onboard/pipeline.schema.json");
        Assert.Equal(TreeEntry.ExecutableFile, entries.Single(e => e.Path == "scripts/export.sh").Mode);
        Assert.Contains("uses: acme/platform@", entries.Single(e => e.Path == ".github/workflows/pipelines.yml").Content, StringComparison.Ordinal);
        Assert.True(ChecksClean(entries));
    }

    [Fact]
    public async Task Example_pipelines_the_platform_policy_does_not_allow_are_left_out_of_the_seed()
    {
        var entries = await TeamRepositorySeed.EntriesAsync(RepositoryLayout.Root, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest", PlatformFileFor("ingest", "connections: []")), CancellationToken.None);

        Assert.DoesNotContain(entries, e => e.Path.StartsWith("pipelines/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Path == "dags/orders_daily.py");
        Assert.Contains(entries, e => e.Path == "dags/example_dag.py");
        Assert.True(ChecksClean(entries));
    }

    private static string PlatformFileFor(string team, string connections) =>
        $"schema_version: 1\nteam: {team}\ncontacts: [\"{team}@example.com\"]\nairflow_version: \"3.2\"\npipelines:\n  tiers: {{ standard: {{}} }}\n  {connections}\n  alerts: {{ smtp_conn_id: smtp_default }}\n";

    private static bool ChecksClean(IReadOnlyList<TreeEntry> entries)
    {
        using var dir = new TempDirectory();
        foreach (var entry in entries)
        {
            dir.Write(entry.Path, entry.Content!);
        }

        var result = Bounded.Pipelines(dir.Path, Core.Compilation.CompileMode.Check);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return !result.Changed;
    }
}
