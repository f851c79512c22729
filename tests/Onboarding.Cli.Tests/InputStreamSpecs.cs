using System.Diagnostics;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Files named on the command line, as a real process: a FIFO or a device is refused before it is opened, and a
/// huge file is refused after reading one byte past the limit, so nothing hangs or fills memory.
/// </summary>
public sealed class InputStreamSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-inputs");

    public InputStreamSpecs() => RepositoryLayout.CopyExamplePlatform(_platform.Path);

    [Theory]
    [InlineData("issue", "--dry-run", "--body", "{input}")]
    [InlineData("parse-issue", "--template", "templates/issue-forms/onboard-team.yml", "--body", "{input}")]
    [InlineData("parse-issue", "--template", "{input}", "--body", "{valid}")]
    [InlineData("import", "--dry-run", "--from", "{input}")]
    public void A_fifo_or_dev_zero_as_input_is_refused_at_once(params string[] command)
    {
        var fifo = Fifo.Create(_platform.File("input.fifo"));

        foreach (var input in new[] { fifo, "/dev/zero" })
        {
            var clock = Stopwatch.StartNew();
            var result = CliRun.Process(_platform.Path, null, [.. command.Select(arg => arg switch { "{input}" => input, "{valid}" => RepositoryLayout.PathOf("examples/issues/valid.md"), _ => arg })]);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{input}: took {clock.Elapsed}");
            Assert.True(result.ExitCode == 1, $"{input}: {result}");
            Assert.Contains("FIFO, socket or device", result.Error + result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_200_megabyte_body_is_refused_after_reading_one_byte_past_the_limit()
    {
        var body = _platform.File("huge.md");
        using (var stream = File.Create(body))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var clock = Stopwatch.StartNew();
        var result = CliRun.Process(_platform.Path, null, "issue", "--dry-run", "--body", body);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("more than the 262144", result.Error + result.Out, StringComparison.Ordinal);
    }

    public void Dispose() => _platform.Dispose();
}
