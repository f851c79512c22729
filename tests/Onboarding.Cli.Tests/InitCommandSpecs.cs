using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

public class InitCommandSpecs
{
    private const string Action = "octo/onboard@0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Init_into_an_empty_folder_gives_a_platform_that_validates_compiles_and_checks()
    {
        using var dir = new TempDirectory("onboard-cli-init");

        var init = CliRun.InProcess(dir.Path, "init", "platform", "--org", "acme-data", "--action", Action);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("wrote onboarding.yaml", init.Out, StringComparison.Ordinal);
        Assert.Contains("wrote .github/workflows/check.yml", init.Out, StringComparison.Ordinal);
        Assert.Contains("wrote .github/ISSUE_TEMPLATE/onboard-team.yml", init.Out, StringComparison.Ordinal);
        var root = Path.Combine(dir.Path, "platform");
        foreach (var command in new[] { "validate", "compile", "check" })
        {
            var run = CliRun.InProcess(root, command);
            Assert.True(run.ExitCode == 0, $"{command}: {run}");
        }

        Assert.Equal("[]\n", File.ReadAllText(Path.Combine(root, "generated/dev/dag_bundle_config.json")));
    }

    [Fact]
    public void Init_without_a_folder_scaffolds_the_working_folder_and_names_the_placeholder_to_replace()
    {
        using var dir = new TempDirectory("onboard-cli-init");

        var init = CliRun.InProcess(dir.Path, "init", "--action", Action);

        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(dir.File("onboarding.yaml")));
        Assert.Contains("set github.org and policy.repo_owners in onboarding.yaml (now 'your-org')", init.Out, StringComparison.Ordinal);
        Assert.Contains("allow_empty", init.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_into_a_folder_holding_scaffold_files_refuses_and_lists_them()
    {
        using var dir = new TempDirectory("onboard-cli-init");
        dir.Write("onboarding.yaml", "schema_version: 1\n");
        dir.Write(".github/workflows/check.yml", "name: mine\n");
        dir.Write("generated/prod/dag_bundle_config.json", "[]\n");

        var init = CliRun.InProcess(dir.Path, "init", "--action", Action);

        Assert.Equal(1, init.ExitCode);
        Assert.Contains("already holds 3 of the files init writes; nothing was written", init.Error, StringComparison.Ordinal);
        Assert.Contains("  .github/workflows/check.yml\n", init.Error, StringComparison.Ordinal);
        Assert.Contains("  generated/prod/dag_bundle_config.json\n", init.Error, StringComparison.Ordinal);
        Assert.Contains("  onboarding.yaml\n", init.Error, StringComparison.Ordinal);
        Assert.Contains("--force", init.Error, StringComparison.Ordinal);
        Assert.Equal("name: mine\n", dir.Read(".github/workflows/check.yml"));
        Assert.False(Directory.Exists(dir.File("teams")));
    }

    [Fact]
    public void Init_with_force_overwrites_the_existing_files()
    {
        using var dir = new TempDirectory("onboard-cli-init");
        dir.Write("onboarding.yaml", "schema_version: 1\n");
        dir.Write(".github/workflows/check.yml", "name: mine\n");

        var init = CliRun.InProcess(dir.Path, "init", "--force", "--action", Action);

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains($"uses: {Action} # v", dir.Read(".github/workflows/check.yml"), StringComparison.Ordinal);
        Assert.Equal(0, CliRun.InProcess(dir.Path, "check").ExitCode);
    }

    [Fact]
    public void Init_refuses_an_org_that_is_no_login()
    {
        using var dir = new TempDirectory("onboard-cli-init");

        var init = CliRun.InProcess(dir.Path, "init", "--org", "acme data", "--action", Action);

        Assert.Equal(1, init.ExitCode);
        Assert.Contains("--org value 'acme data' is not a GitHub organisation login", init.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}
