using System.Security.Cryptography;
using System.Text.Json;
using CliWrap;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// Loading OpenSSL costs a process about 2 ms, more than a small platform's whole compile spends hashing. Seen from
/// the operating system, a compile of a small platform never opens libssl, libcrypto or OpenSSL's configuration, and
/// the SHA-256 it records for every source and output is still the one OpenSSL computes.
/// </summary>
public sealed class OpenSslLoadSpecs : IDisposable
{
    private readonly TempDirectory _platform = new("onboard-openssl");
    private readonly TempDirectory _trace = new("onboard-openssl-trace");

    public OpenSslLoadSpecs()
    {
        RepositoryLayout.CopyExamplePlatform(_platform.Path);
        Directory.Delete(_platform.File("generated"), recursive: true);
    }

    [Fact]
    public void Compiling_a_small_platform_records_the_sha256_of_every_file_without_loading_openssl()
    {
        var opens = TracedOpens("compile");

        Assert.Contains(opens, path => path.EndsWith("teams/analytics.yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(opens, path => path.Contains("libssl", StringComparison.Ordinal)
            || path.Contains("libcrypto", StringComparison.Ordinal) || path.EndsWith("openssl.cnf", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(_platform.File("generated/manifest.json")));
        var recorded = manifest.RootElement.GetProperty("sources").EnumerateObject()
            .Concat(manifest.RootElement.GetProperty("outputs").EnumerateObject())
            .ToList();
        Assert.True(recorded.Count > 10, $"only {recorded.Count} hashes recorded");
        foreach (var file in recorded)
        {
            var bytes = File.ReadAllBytes(_platform.File(file.Name));
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(bytes)) == file.Value.GetString(), $"{file.Name}: recorded {file.Value.GetString()}");
        }
    }

    public void Dispose()
    {
        _platform.Dispose();
        _trace.Dispose();
    }

    /// <summary>Runs onboard under strace and returns every path that it, or any process it started, opened.</summary>
    private List<string> TracedOpens(params string[] args)
    {
        var strace = new[] { "/usr/bin/strace", "/bin/strace" }.FirstOrDefault(File.Exists);
        Assert.True(strace is not null, "strace is needed for this test (apt-get install strace); .ci/run installs it");
        var log = _trace.File("trace.txt");
        var onboard = CliRun.Command(_platform.Path, null, args);
        var traced = onboard
            .WithTargetFile(strace)
            .WithArguments($"-f -qq -e trace=openat -o {log} {onboard.TargetFilePath} {onboard.Arguments}")
            .WithValidation(CommandResultValidation.None);
        var result = ChildProcess.Run(traced, TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");

        return [.. File.ReadAllLines(log)
            .Select(line => line.Split('"'))
            .Where(parts => parts.Length >= 3)
            .Select(parts => parts[1])];
    }
}
