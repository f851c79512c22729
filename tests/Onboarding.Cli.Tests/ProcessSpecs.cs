using System.Diagnostics;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>What only a real process shows: it survives hostile input and exits with the documented codes.</summary>
public sealed class ProcessSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-process");

    public ProcessSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Fact]
    public void Deeply_nested_yaml_is_a_clear_error_and_the_process_survives()
    {
        _platform.Write("teams/deep.yaml", new string('[', 6500) + new string(']', 6500));
        var clock = Stopwatch.StartNew();

        var result = CliRun.Process(_platform.Path, null, "validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("teams/deep.yaml:1:33: error YAML004: nesting is deeper than 32 levels", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_documented_exit_codes_reach_the_shell()
    {
        Assert.Equal(0, CliRun.Process(_platform.Path, null, "compile", "--check").ExitCode);
        Assert.Equal(2, CliRun.Process(_platform.Path, null, "compile", "--nope").ExitCode);
        _platform.Write("teams/bad.yaml", "schema_version: 9\n");
        Assert.Equal(1, CliRun.Process(_platform.Path, null, "validate").ExitCode);
    }

    public void Dispose() => _platform.Dispose();
}
