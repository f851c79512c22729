using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// Release files as the release workflow makes them, once per test class: the CLI published as one file
/// (framework-dependent here, quicker than Native AOT and the same shape), recorded as built from
/// <see cref="Commit"/> of <see cref="Repository"/>, archived by scripts/release/package.sh and summed by
/// scripts/release/checksums.sh.
/// </summary>
public sealed partial class ReleaseArchives : IAsyncLifetime
{
    public const string Repository = "octo/onboard";

    public const string Commit = "c0ffee0123456789abcdef0123456789abcdef01";

    private readonly TempDirectory dir = new("onboard-release");

    public string Tag { get; } = "v" + VersionOfSources();

    public string Rid { get; } = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";

    public string ArchiveName => $"onboard-{Tag}-{Rid}.tar.gz";

    public byte[] Archive { get; private set; } = [];

    public byte[] Sums { get; private set; } = [];

    /// <summary>The published binary the archive holds.</summary>
    public byte[] Binary { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var bin = dir.File("bin");
        var dist = dir.File("dist");
        await RunAsync(new Dictionary<string, string>
        {
            ["PUBLISH_MODE"] = "singlefile",
            ["ONBOARD_REPOSITORY"] = Repository,
            ["ONBOARD_COMMIT"] = Commit,
            ["RUNNER_TEMP"] = dir.Path,
        }, RepositoryLayout.PathOf("scripts/publish-cli.sh"), RepositoryLayout.Root, bin, Rid);
        await RunAsync(null, RepositoryLayout.PathOf("scripts/release/package.sh"), Tag, Rid, bin, dist);
        await RunAsync(null, RepositoryLayout.PathOf("scripts/release/checksums.sh"), dist);
        Archive = await File.ReadAllBytesAsync(Path.Combine(dist, ArchiveName));
        Sums = await File.ReadAllBytesAsync(Path.Combine(dist, "SHA256SUMS"));
        Binary = await File.ReadAllBytesAsync(Path.Combine(bin, "onboard"));
    }

    /// <summary>The archive with one byte of the binary changed: what a tampered download looks like.</summary>
    public byte[] Tampered()
    {
        var copy = (byte[])Archive.Clone();
        copy[copy.Length / 2] ^= 0x55;
        return copy;
    }

    public Task DisposeAsync()
    {
        dir.Dispose();
        return Task.CompletedTask;
    }

    internal static string VersionOfSources() =>
        VersionPrefix().Match(File.ReadAllText(RepositoryLayout.PathOf("src/Onboarding.Cli/Onboarding.Cli.csproj"))).Groups[1].Value;

    private static async Task RunAsync(IReadOnlyDictionary<string, string>? env, string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Not the test host's variables (MSBuild's and DOTNET_HOST_PATH point at this test run): a clean shell's.
        start.Environment.Clear();
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            var key = (string)entry.Key;
            if ((key is "PATH" or "HOME" or "LANG" or "TMPDIR" or "DOTNET_ROOT" or "DOTNET_NOLOGO" || key.StartsWith("NUGET_", StringComparison.Ordinal)
                || key.StartsWith("DOTNET_CLI_", StringComparison.Ordinal)) && entry.Value is string value)
            {
                start.Environment[key] = value;
            }
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    [GeneratedRegex("<VersionPrefix>([0-9]+\\.[0-9]+\\.[0-9]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
