using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// A platform cloned with <c>core.autocrlf=true</c> (Git for Windows' default) passes the check, and a compile there
/// rewrites nothing: with init's .gitattributes the files stay LF; without them CRLF reads as the same content.
/// </summary>
public sealed class WindowsCheckoutSpecs
{
    private const string Action = "octo/onboard@0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void A_clone_with_autocrlf_of_a_platform_made_by_init_keeps_lf_and_passes_the_check()
    {
        using var origin = new TempGitRepository("onboard-origin");
        Assert.Equal(0, CliRun.InProcess(origin.Path, "init", "--org", "acme", "--action", Action).ExitCode);
        AddTeam(origin.Path);
        Assert.Equal(0, CliRun.InProcess(origin.Path, "compile").ExitCode);
        origin.CommitAll("Platform");

        using var clone = Clone(origin);

        Assert.DoesNotContain("\r\n", File.ReadAllText(Path.Combine(clone.Path, "teams/payments.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", File.ReadAllText(Path.Combine(clone.Path, ".github/workflows/check.yml")), StringComparison.Ordinal);
        AssertChecksAndCompilesToNothing(clone.Path);
    }

    [Fact]
    public void A_clone_with_autocrlf_that_turned_every_file_into_crlf_passes_the_check_and_compile_rewrites_nothing()
    {
        using var origin = new TempGitRepository("onboard-origin");
        RepositoryLayout.CopyExamplePlatform(origin.Path);
        origin.CommitAll("Platform without line-ending attributes");

        using var clone = Clone(origin);

        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(clone.Path, "onboarding.yaml")), StringComparison.Ordinal);
        Assert.Contains("\r\n", File.ReadAllText(Path.Combine(clone.Path, "generated/manifest.json")), StringComparison.Ordinal);
        AssertChecksAndCompilesToNothing(clone.Path);
    }

    private static void AssertChecksAndCompilesToNothing(string root)
    {
        var check = CliRun.InProcess(root, "check");
        Assert.True(check.ExitCode == 0, check.ToString());
        var times = Directory.GetFiles(Path.Combine(root, "generated"), "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var compile = CliRun.InProcess(root, "compile");

        Assert.True(compile.ExitCode == 0, compile.ToString());
        Assert.Contains("wrote 0 files", compile.Out, StringComparison.Ordinal);
        Assert.All(times, pair => Assert.Equal(pair.Value, File.GetLastWriteTimeUtc(pair.Key)));
    }

    private static TempDirectory Clone(TempGitRepository origin)
    {
        var target = new TempDirectory("onboard-autocrlf");
        Directory.Delete(target.Path);
        origin.Git("clone", "--quiet", "--config", "core.autocrlf=true", "--", origin.Path, target.Path);
        return target;
    }

    private static void AddTeam(string root)
    {
        File.WriteAllText(Path.Combine(root, "teams/payments.yaml"), "schema_version: 1\nname: payments\nowners:\n  github_team: payments-eng\nbundles:\n  - name: payments\n    repo: airflow-payments\n");
    }
}
