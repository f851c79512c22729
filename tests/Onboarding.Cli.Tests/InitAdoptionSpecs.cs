using System.Text.RegularExpressions;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// A platform repository of one's own (the reference model): <c>init --action OWNER/REPO@SHA</c> writes workflows
/// that call the toolkit's action at that commit; without <c>--action</c> init names the repository and commit the
/// binary was built from, and refuses when the build recorded none.
/// </summary>
public sealed partial class InitAdoptionSpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Init_with_an_action_reference_writes_pinned_workflows_that_pass_the_audit_and_the_platform_checks_once_teams_are_added()
    {
        using var dir = new TempDirectory("onboard-adopt");

        var init = CliRun.InProcess(dir.Path, "init", "platform", "--org", "acme", "--action", $"octo/onboard@{Sha}");

        Assert.True(init.ExitCode == 0, init.ToString());
        var root = Path.Combine(dir.Path, "platform");
        var workflows = Directory.GetFiles(Path.Combine(root, ".github/workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["backfill.yml", "check.yml", "onboard.yml", "regenerate.yml"], workflows.Select(Path.GetFileName));
        foreach (var workflow in workflows)
        {
            var text = File.ReadAllText(workflow);
            Assert.DoesNotContain("uses: ./", text, StringComparison.Ordinal);
            Assert.Contains($"uses: octo/onboard@{Sha} # v", text, StringComparison.Ordinal);
            Assert.All(UsesLine().Matches(text), use => Assert.Matches("@[0-9a-f]{40} # v[0-9]+\\.[0-9]+\\.[0-9]+$", use.Value));
        }

        var written = Directory.GetFiles(root, "*.yml", SearchOption.AllDirectories).Where(f => f.Contains("/.github/workflows/", StringComparison.Ordinal));
        Assert.All(written, file => Assert.Empty(WorkflowAudit.File(file, Path.GetRelativePath(root, file))));

        var check = File.ReadAllText(Path.Combine(root, ".github/workflows/check.yml"));
        Assert.Contains(Onboarding.Core.Scaffolding.ReferencedWorkflows.ReferenceModelPaths + "  merge_group:", check, StringComparison.Ordinal);
        Assert.DoesNotContain("- \"src/**\"", check, StringComparison.Ordinal);

        // The new platform takes teams like any other and its pull-request check passes.
        var yaml = File.ReadAllText(Path.Combine(root, "onboarding.yaml"));
        File.WriteAllText(Path.Combine(root, "onboarding.yaml"), yaml.Replace("allow_empty: true", "allow_empty: false", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "teams/payments.yaml"), """
            schema_version: 1
            name: payments
            owners:
              github_team: payments-eng
            bundles:
              - name: payments
                repo: airflow-payments

            """);
        Assert.Equal(1, CliRun.InProcess(root, "check").ExitCode);
        var compile = CliRun.InProcess(root, "compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());
        var checkRun = CliRun.InProcess(root, "check");
        Assert.True(checkRun.ExitCode == 0, checkRun.ToString());
        Assert.Contains("https://github.com/acme/airflow-payments.git", File.ReadAllText(Path.Combine(root, "generated/prod/dag_bundle_config.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_without_an_action_reference_uses_the_repository_and_commit_the_binary_was_built_from()
    {
        using var dir = new TempDirectory("onboard-adopt");
        var build = new BuildProvenance("1.4.2", "acme-tools/onboard", "fedcba9876543210fedcba9876543210fedcba98");

        var init = CliRun.InProcess(dir.Path, null, build, "init", "--org", "acme");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("uses: acme-tools/onboard@fedcba9876543210fedcba9876543210fedcba98 # v1.4.2\n", dir.Read(".github/workflows/onboard.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_without_an_action_reference_refuses_when_the_binary_knows_no_repository_and_writes_nothing()
    {
        using var dir = new TempDirectory("onboard-adopt");
        var build = new BuildProvenance("0.1.0", string.Empty, "fedcba9876543210fedcba9876543210fedcba98");

        var init = CliRun.InProcess(dir.Path, null, build, "init", "--org", "acme");

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("knows no repository and commit for the workflows to call", init.Error, StringComparison.Ordinal);
        Assert.Contains("pass --action OWNER/REPO@<40-hex commit SHA>", init.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("octo/onboard@v1.2.0")]
    [InlineData("octo/onboard@main")]
    [InlineData("octo/onboard@0123456")]
    [InlineData("octo@0123456789abcdef0123456789abcdef01234567")]
    [InlineData("./")]
    public void Init_refuses_an_action_reference_that_is_not_a_full_commit(string action)
    {
        using var dir = new TempDirectory("onboard-adopt");

        var init = CliRun.InProcess(dir.Path, "init", "--action", action);

        Assert.Equal(2, init.ExitCode);
        Assert.Contains($"--action '{action}' is not OWNER/REPO@<40-hex commit SHA>", init.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void The_version_comment_can_name_the_release_of_the_referenced_commit()
    {
        using var dir = new TempDirectory("onboard-adopt");

        var init = CliRun.InProcess(dir.Path, "init", "--action", $"octo/onboard@{Sha}", "--action-version", "v2.0.1");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains($"uses: octo/onboard@{Sha} # v2.0.1\n", dir.Read(".github/workflows/check.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_names_the_release_the_commit_and_the_repository_of_the_build()
    {
        var build = new BuildProvenance("1.4.2", "acme-tools/onboard", "fedcba9876543210fedcba9876543210fedcba98");

        var version = CliRun.InProcess(Path.GetTempPath(), null, build, "--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Equal("onboard 1.4.2 (commit fedcba9876543210fedcba9876543210fedcba98, repository acme-tools/onboard)\n", version.Out);
    }

    [Fact]
    public void The_built_binary_reports_the_commit_it_was_built_from()
    {
        var version = CliRun.Process(RepositoryLayout.Root, null, "--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^onboard [0-9]+\.[0-9]+\.[0-9]+ \(commit [0-9a-f]{40}, repository \S+\)\n$", version.Out);
    }

    [GeneratedRegex(@"uses:.*$", RegexOptions.Multiline)]
    private static partial Regex UsesLine();
}
