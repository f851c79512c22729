using System.Text.RegularExpressions;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>ONBOARD_STAGE_TIMES=1: a compile says on stderr where its time went, and nothing else changes.</summary>
public sealed partial class StageTimeSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-stages");

    public StageTimeSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Fact]
    public void Compile_check_with_stage_times_prints_each_stage_in_order_and_the_same_report()
    {
        var plain = CliRun.InProcess(_platform.Path, "compile", "--check");
        var timed = CliRun.InProcess(_platform.Path, new Dictionary<string, string> { ["ONBOARD_STAGE_TIMES"] = "1" }, "compile", "--check");

        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.Out, timed.Out);
        var stages = StageLine().Matches(timed.Error).Select(m => m.Groups["stage"].Value).ToArray();
        Assert.Equal(["start-up", "load", "compile", "apply"], stages);

        // Every stage after start-up also says what it allocated and the collections it caused.
        Assert.All(StageLine().Matches(timed.Error).Skip(1), m => Assert.True(m.Groups["memory"].Success, m.Value));
    }

    [Fact]
    public void Without_the_variable_a_compile_prints_no_stage_times()
    {
        var result = CliRun.InProcess(_platform.Path, "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("stage", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _platform.Dispose();

    [GeneratedRegex(@"^onboard: stage (?<stage>[a-z-]+) took [0-9]+\.[0-9] ms; [0-9]+\.[0-9] ms since the process started(?<memory>; allocated [0-9]+\.[0-9] MB; collections gen0/1/2 [0-9]+/[0-9]+/[0-9]+)?\r?$", RegexOptions.Multiline)]
    private static partial Regex StageLine();
}
