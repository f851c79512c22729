using Onboarding.Core.Diagnostics;
using Onboarding.Core.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Core.Tests.Sources;

/// <summary>Compile writes and deletes files only in an output folder of its own inside the repository.</summary>
public sealed class OutputFolderSpecs : IDisposable
{
    private readonly TempDirectory _outside = new("onboard-outside-out");

    [Theory]
    [InlineData("teams")]
    [InlineData(".git/refs/heads")]
    [InlineData("schemas")]
    [InlineData("templates/team-repo")]
    [InlineData(".github/workflows")]
    [InlineData("TEAMS")]
    public void An_output_folder_the_tool_reads_or_git_owns_is_refused_and_nothing_is_touched(string dir)
    {
        using var platform = new PlatformFixture(PlatformFixture.DefaultConfig + $"\noutputs:\n  dir: {dir}\n");
        platform.WriteSimpleTeam("alpha");

        var error = platform.Compile().SingleError(DiagnosticCodes.InvalidOutputs, "onboarding.yaml", 14, 8);

        Assert.Equal("outputs.dir", error.KeyPath);
        Assert.True(platform.Exists("teams/alpha.yaml"));
        Assert.False(platform.Exists($"{dir}/prod/dag_bundle_config.json"));
    }

    [Fact]
    public void A_generated_folder_that_is_a_link_leaving_the_repository_is_refused_before_anything_is_written()
    {
        using var platform = new PlatformFixture();
        platform.WriteSimpleTeam("alpha");
        Directory.CreateSymbolicLink(platform.PathOf("generated"), _outside.Path);

        var result = platform.Compile();

        result.SingleError(DiagnosticCodes.LinkLeavesRepository, "generated", 1, 1);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside.Path));
    }

    [Fact]
    public void An_environment_folder_that_is_a_link_leaving_the_repository_is_refused_before_anything_is_written()
    {
        using var platform = new PlatformFixture();
        platform.WriteSimpleTeam("alpha");
        Directory.CreateDirectory(platform.PathOf("generated"));
        Directory.CreateSymbolicLink(platform.PathOf("generated/prod"), _outside.Path);

        var result = platform.Compile();

        result.SingleError(DiagnosticCodes.LinkLeavesRepository, "generated/prod", 1, 1);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside.Path));
        Assert.False(platform.Exists("generated/dev/dag_bundle_config.json"));
    }

    public void Dispose() => _outside.Dispose();
}
