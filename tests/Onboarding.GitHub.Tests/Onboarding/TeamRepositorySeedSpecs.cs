using Onboarding.GitHub.Models;
using Onboarding.GitHub.Onboarding;
using Onboarding.Testing;

namespace Onboarding.GitHub.Tests.Onboarding;

public sealed class TeamRepositorySeedSpecs
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_starter_files_get_every_placeholder_filled_and_keep_the_executable_bit()
    {
        using var root = new TempDirectory();
        root.Write("templates/team-repo/README.md", "# {{repo}} of {{team}}\nsee {{org}}/{{platform_repo}}\n");
        root.Write("templates/team-repo/CODEOWNERS", "* @{{org}}/{{github_team}}\n");
        var script = root.Write("templates/team-repo/bin/check.sh", "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var entries = TeamRepositorySeed.Entries(root.Path, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest"));

        Assert.Equal(
            [
                new TreeEntry("CODEOWNERS", "* @acme/ingest-eng\n"),
                new TreeEntry("README.md", "# airflow-ingest of ingest\nsee acme/platform\n"),
                new TreeEntry("bin/check.sh", "#!/bin/sh\n", TreeEntry.ExecutableFile),
            ],
            entries);
    }

    [Fact]
    public void The_repository_templates_fill_without_leftover_placeholders()
    {
        var entries = TeamRepositorySeed.Entries(RepositoryLayout.Root, new TeamRepositorySeed.Values("ingest", "ingest-eng", "acme", "platform", "airflow-ingest"));

        Assert.Contains(entries, entry => entry.Path == "dags/example_dag.py");
        Assert.All(entries, entry => Assert.DoesNotMatch(@"\{\{\s*(team|github_team|org|platform_repo|repo)\s*\}\}", entry.Content!));
    }
}
