using Onboarding.Core.Compilation;
using Onboarding.Core.Scaffolding;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Scaffolding;

/// <summary>init writes a platform repository from embedded copies of this repository's own files.</summary>
public class ScaffoldSpecs
{
    private const string InitFiles = "src/Onboarding.Core/Scaffolding/Files";

    private static string SourceOf(string embedded) =>
        embedded.StartsWith(EmbeddedFiles.InitPrefix, StringComparison.Ordinal)
            ? RepositoryRoot.Combine(InitFiles, embedded[EmbeddedFiles.InitPrefix.Length..])
            : RepositoryRoot.Combine(embedded);

    [Fact]
    public void Every_embedded_file_equals_the_repository_file_it_was_built_from()
    {
        Assert.NotEmpty(EmbeddedFiles.Names);
        Assert.All(EmbeddedFiles.Names, name =>
        {
            var source = SourceOf(name);
            Assert.True(File.Exists(source), $"{name}: no {source}");
            Assert.True(File.ReadAllBytes(source).AsSpan().SequenceEqual(EmbeddedFiles.Read(name)), $"{name} differs from {source}: rebuild");
        });
    }

    [Fact]
    public void Every_workflow_schema_and_template_of_the_repository_is_embedded()
    {
        var root = RepositoryRoot.Path;
        var expected = Directory.EnumerateFiles(Path.Combine(root, "workflows"), "*.yml")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "schemas"), "*.json"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "templates"), "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Combine(InitFiles), "*", SearchOption.AllDirectories)
                .Select(f => EmbeddedFiles.InitPrefix + Path.GetRelativePath(RepositoryRoot.Combine(InitFiles), f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, EmbeddedFiles.Names);
        Assert.Contains("templates/team-repo/.github/workflows/ci.yml", EmbeddedFiles.Names);
    }

    [Fact]
    public void The_issue_form_and_the_workflows_land_where_GitHub_reads_them()
    {
        var files = PlatformScaffold.Files("acme-data").ToDictionary(f => f.Path, f => f.Content);

        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("templates/issue-forms/onboard-team.yml")), files[".github/ISSUE_TEMPLATE/onboard-team.yml"]);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("templates/issue-forms/onboard-team.yml")), files["templates/issue-forms/onboard-team.yml"]);
        foreach (var workflow in Directory.EnumerateFiles(RepositoryRoot.Combine("workflows"), "*.yml"))
        {
            Assert.Equal(File.ReadAllBytes(workflow), files[$".github/workflows/{Path.GetFileName(workflow)}"]);
        }

        Assert.Contains("teams/README.md", files.Keys);
        Assert.Contains("onboarding.yaml", files.Keys);
    }

    [Fact]
    public void A_fresh_platform_validates_compiles_and_passes_the_check_with_empty_lists()
    {
        using var dir = new TempDirectory("onboard-init");

        var result = Bounded.Init(dir.Path, null, false);

        Assert.True(result.Succeeded, string.Join("\n", result.Compile?.Diagnostics ?? []));
        Assert.Empty(result.Compile!.Diagnostics);
        Assert.Contains("generated/prod/dag_bundle_config.json", result.Written);
        Assert.Equal("[]\n", dir.Read("generated/prod/dag_bundle_config.json"));
        Assert.False(Bounded.Compile(dir.Path, CompileMode.Validate).HasErrors);
        var check = Bounded.Compile(dir.Path, CompileMode.Check);
        Assert.False(check.HasErrors, string.Join("\n", check.Diagnostics));
        Assert.False(check.Changed);
        Assert.Equal(["dev", "staging", "prod"], check.Environments.Select(e => e.Name));
    }

    [Fact]
    public void Without_allow_empty_the_first_state_would_fail_the_check()
    {
        using var dir = new TempDirectory("onboard-init");
        Bounded.Init(dir.Path, null, false);
        File.WriteAllText(dir.File("onboarding.yaml"), dir.Read("onboarding.yaml").Replace("    allow_empty: true\n", "", StringComparison.Ordinal));

        var check = Bounded.Compile(dir.Path, CompileMode.Check);

        Assert.Equal(3, check.Diagnostics.Count(d => d.Code == Diagnostics.DiagnosticCodes.EmptyEnvironment));
    }

    [Fact]
    public void The_org_option_fills_the_organisation_and_the_allowed_owners()
    {
        using var dir = new TempDirectory("onboard-init");

        Assert.True(Bounded.Init(dir.Path, "Acme-Data", false).Succeeded);

        var yaml = dir.Read("onboarding.yaml");
        Assert.Contains("  org: Acme-Data\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  repo_owners: [Acme-Data]\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(PlatformScaffold.PlaceholderOrg, yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-rf")]
    [InlineData("acme data")]
    [InlineData("acme\ndata")]
    [InlineData("../evil")]
    public void An_org_that_is_no_login_is_refused_and_nothing_is_written(string org)
    {
        using var dir = new TempDirectory("onboard-init");

        var result = Bounded.Init(dir.Path, org, false);

        Assert.False(result.Succeeded);
        Assert.Contains("--org", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Existing_files_are_listed_and_nothing_is_written_unless_forced()
    {
        using var dir = new TempDirectory("onboard-init");
        dir.Write("onboarding.yaml", "mine\n");
        dir.Write("schemas/team.schema.json", "{}\n");
        dir.Write("README.md", "unrelated\n");

        var refused = Bounded.Init(dir.Path, null, false);

        Assert.False(refused.Succeeded);
        Assert.Equal(["onboarding.yaml", "schemas/team.schema.json"], refused.Conflicts);
        Assert.Equal("mine\n", dir.Read("onboarding.yaml"));
        Assert.False(Directory.Exists(dir.File("teams")));

        var forced = Bounded.Init(dir.Path, null, true);

        Assert.True(forced.Succeeded);
        Assert.StartsWith("# yaml-language-server", dir.Read("onboarding.yaml"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("schemas/team.schema.json")), dir.Read("schemas/team.schema.json"));
        Assert.Equal("unrelated\n", dir.Read("README.md"));
    }
}
