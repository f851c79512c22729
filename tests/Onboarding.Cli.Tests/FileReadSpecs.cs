using System.Text.RegularExpressions;
using CliWrap;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// One compilation per run, seen from the operating system: under strace, the onboard process opens
/// onboarding.yaml once and each team file once, for a compile and for a whole local onboarding.
/// </summary>
public sealed partial class FileReadSpecs : IDisposable
{
    private readonly TempGitRepository _repo = new("onboard-reads");
    private readonly TempDirectory _trace = new("onboard-trace");

    public FileReadSpecs()
    {
        RepositoryLayout.CopyExamplePlatform(_repo.Path);
        File.Delete(_repo.Directory.File("teams/payments.yaml"));
        Assert.Equal(0, CliRun.InProcess(_repo.Path, "compile").ExitCode);
        _repo.CommitAll("Example platform");
    }

    [Fact]
    public void Compile_opens_onboarding_yaml_and_each_team_file_once()
    {
        var opens = Traced("compile");

        AssertEachSourceOpenedOnce(opens);
    }

    [Fact]
    public void A_local_onboarding_opens_onboarding_yaml_and_each_team_file_once()
    {
        var opens = Traced("issue", "--body", RepositoryLayout.PathOf("examples/issues/valid.md"), "--local");

        AssertEachSourceOpenedOnce(opens);
        Assert.Equal(1, _repo.CommitCount("onboarding/payments") - _repo.CommitCount("main"));
    }

    public void Dispose()
    {
        _repo.Dispose();
        _trace.Dispose();
    }

    private void AssertEachSourceOpenedOnce(IReadOnlyList<string> opens)
    {
        var sources = Directory.EnumerateFiles(_repo.Directory.File("teams"), "*.yaml").Append(_repo.Directory.File("onboarding.yaml")).ToList();
        Assert.Equal(3, sources.Count);
        foreach (var source in sources)
        {
            Assert.True(opens.Count(path => path == source) == 1,
                $"{source} opened {opens.Count(path => path == source)} times by onboard; every open:\n{string.Join("\n", opens)}");
        }
    }

    /// <summary>
    /// Runs onboard under strace and returns the paths the onboard process itself opened (not the processes it
    /// started, such as git), as absolute paths.
    /// </summary>
    private List<string> Traced(params string[] args)
    {
        var strace = new[] { "/usr/bin/strace", "/bin/strace" }.FirstOrDefault(File.Exists);
        Assert.True(strace is not null, "strace is needed for this test (apt-get install strace); .ci/run installs it");
        var log = _trace.File("trace.txt");
        var onboard = CliRun.Command(_repo.Path, null, args);
        var traced = onboard
            .WithTargetFile(strace)
            .WithArguments($"-f -qq -e trace=openat,execve -o {log} {onboard.TargetFilePath} {onboard.Arguments}")
            .WithValidation(CommandResultValidation.None);
        var result = ChildProcess.Run(traced, TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");

        var lines = File.ReadAllLines(log);
        var first = lines.Select(line => Exec().Match(line)).First(match => match.Success);
        var others = lines.Select(line => Exec().Match(line))
            .Where(match => match.Success && match.Groups["path"].Value != first.Groups["path"].Value)
            .Select(match => match.Groups["pid"].Value)
            .ToHashSet(StringComparer.Ordinal);
        return [.. lines
            .Select(line => Open().Match(line))
            .Where(match => match.Success && !others.Contains(match.Groups["pid"].Value))
            .Select(match => Path.GetFullPath(match.Groups["path"].Value, _repo.Path))];
    }

    [GeneratedRegex("^(?<pid>\\d+) +execve\\(\"(?<path>[^\"]*)\"")]
    private static partial Regex Exec();

    [GeneratedRegex("^(?<pid>\\d+) +openat\\(AT_FDCWD, \"(?<path>[^\"]*)\", [^)]*\\) = \\d+")]
    private static partial Regex Open();
}
