using Onboarding.Core.Compilation;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Compilation;

/// <summary>An editor or a checkout that saves CRLF line endings changes no compiled byte and makes nothing stale.</summary>
public sealed class LineEndingSpecs
{
    [Fact]
    public void Sources_saved_with_crlf_compile_to_the_same_bytes_and_rewrite_nothing()
    {
        using var dir = new TempDirectory("onboard-crlf");
        RepositoryLayout.CopyExamplePlatform(dir.Path);
        var before = Snapshot(dir.Path);
        var teamFile = Directory.GetFiles(dir.File("teams"), "*.yaml").Order(StringComparer.Ordinal).First();
        foreach (var source in new[] { teamFile, dir.File("onboarding.yaml") })
        {
            File.WriteAllText(source, File.ReadAllText(source).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        Assert.Contains("\r\n", File.ReadAllText(teamFile), StringComparison.Ordinal);

        var check = Bounded.Compile(dir.Path, CompileMode.Check);
        Assert.False(check.HasErrors, string.Join('\n', check.Diagnostics));
        var compile = Bounded.Compile(dir.Path, CompileMode.Write);
        Assert.False(compile.Changed, string.Join('\n', compile.Changes.Where(c => c.Status != ArtifactStatus.Unchanged)));
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public void Artifacts_checked_out_with_crlf_are_current_and_compile_leaves_them_alone()
    {
        using var dir = new TempDirectory("onboard-crlf");
        RepositoryLayout.CopyExamplePlatform(dir.Path);
        foreach (var artifact in Directory.GetFiles(dir.File("generated"), "*", SearchOption.AllDirectories))
        {
            File.WriteAllText(artifact, File.ReadAllText(artifact).Replace("\n", "\r\n", StringComparison.Ordinal));
        }

        var crlf = Snapshot(dir.Path);

        var check = Bounded.Compile(dir.Path, CompileMode.Check);
        Assert.False(check.HasErrors, string.Join('\n', check.Diagnostics));
        Assert.False(Bounded.Compile(dir.Path, CompileMode.Write).Changed);
        Assert.Equal(crlf, Snapshot(dir.Path));
    }

    [Fact]
    public void A_real_change_under_crlf_is_still_reported()
    {
        using var dir = new TempDirectory("onboard-crlf");
        RepositoryLayout.CopyExamplePlatform(dir.Path);
        var json = Directory.GetFiles(dir.File("generated"), "dag_bundle_config.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(json, File.ReadAllText(json).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\"dags\"", "\"dagz\"", StringComparison.Ordinal));

        var check = Bounded.Compile(dir.Path, CompileMode.Check);

        Assert.True(check.HasErrors);
    }

    private static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.GetFiles(Path.Combine(root, "generated"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(File.ReadAllBytes(f)) + "@" + File.GetLastWriteTimeUtc(f).Ticks), StringComparer.Ordinal);
}
