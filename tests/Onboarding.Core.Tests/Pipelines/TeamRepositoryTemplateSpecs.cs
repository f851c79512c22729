using System.Text;
using Onboarding.Core.Diagnostics;
using Onboarding.Core.Loading;
using Onboarding.Core.Pipelines;
using Onboarding.Core.Sources;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Pipelines;

/// <summary>
/// templates/team-repo/ is a working team repository: its .onboard/platform.yaml is what seeding
/// writes for the example team, and its dags/ are exactly what its pipelines compile to.
/// </summary>
public class TeamRepositoryTemplateSpecs
{
    private const string Template = "templates/team-repo";

    [Fact]
    public void The_template_platform_file_is_what_seeding_writes_for_the_example_team()
    {
        var diagnostics = new DiagnosticBag();
        var config = PlatformConfigLoader.Load(File.ReadAllBytes(RepositoryLayout.PathOf("onboarding.yaml")), "onboarding.yaml", diagnostics)!;
        var team = TeamFileLoader.Load(File.ReadAllBytes(RepositoryLayout.PathOf("teams/analytics.yaml")), "teams/analytics.yaml", diagnostics)!;
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Sorted()));

        var expected = TeamPlatformFile.Render(team.Name, team.Owners.Contacts, config.Airflow.Version, config.Pipelines);

        Golden.AssertMatches(RepositoryLayout.PathOf($"{Template}/{TeamPlatformLoader.FileName}"), expected);
    }

    [Fact]
    public void The_template_dags_are_what_its_pipelines_compile_to()
    {
        var build = Bounded.Pipelines(new DiskSource(RepositoryLayout.PathOf(Template)));

        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        Assert.Equal([PipelineCompiler.SchemaFile, "dags/manifest.json", "dags/orders_daily.py", "dags/orders_report.py"], build.Files.Select(f => f.Path));
        foreach (var file in build.Files)
        {
            Golden.AssertMatches(RepositoryLayout.PathOf($"{Template}/{file.Path}"), Encoding.UTF8.GetString(file.Content));
        }
    }

    [Fact]
    public void The_template_passes_its_own_check()
    {
        using var copy = new TempDirectory();
        CopyFolder(RepositoryLayout.PathOf(Template), copy.Path);

        var result = Bounded.Pipelines(copy.Path, Core.Compilation.CompileMode.Check);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.False(result.Changed);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
