using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>init writes only inside the folder it scaffolds: a folder of the scaffold that is a link leaving it is refused first.</summary>
public sealed class InitLinkSpecs
{
    private const string Action = "octo/onboard@0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void A_github_folder_linking_out_of_the_repository_is_refused_and_nothing_is_written_anywhere()
    {
        using var dir = new TempDirectory("onboard-init-link");
        using var outside = new TempDirectory("onboard-init-outside");
        Directory.CreateDirectory(dir.File("platform"));
        Directory.CreateSymbolicLink(dir.File("platform/.github"), outside.Path);

        var init = CliRun.InProcess(dir.Path, "init", "platform", "--org", "acme-data", "--action", Action);

        Assert.True(init.ExitCode == 1, init.ToString());
        Assert.Contains(".github", init.Error, StringComparison.Ordinal);
        Assert.Contains("link", init.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        Assert.Equal([".github"], Directory.EnumerateFileSystemEntries(dir.File("platform")).Select(Path.GetFileName));
    }
}
