using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>dotnet pack src/Onboarding.Cli</c> makes a dotnet tool package whose command is <c>onboard</c>; installed from a
/// local folder, the tool runs like the CLI from source.
/// </summary>
public sealed class DotnetToolSpecs
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_and_runs_onboard()
    {
        using var dir = new TempDirectory("onboard-tool");
        var packages = dir.File("packages");
        var tools = dir.File("tools");
        var version = Regex.Match(File.ReadAllText(RepositoryLayout.PathOf("src/Onboarding.Cli/Onboarding.Cli.csproj")), "<VersionPrefix>(.+)</VersionPrefix>").Groups[1].Value;

        // The build the tests run on is packed as is (no second build): pack's own behaviour is what is tested.
        var pack = await DotnetAsync(dir.Path, "pack", RepositoryLayout.PathOf("src/Onboarding.Cli"), "--no-build", "-c", Configuration(), "-o", packages);
        Assert.True(pack.Code == 0, pack.Log);
        var package = Path.Combine(packages, $"Onboarding.Cli.{version}.nupkg");
        using (var zip = ZipFile.OpenRead(package))
        {
            using var reader = new StreamReader(zip.GetEntry("Onboarding.Cli.nuspec")!.Open());
            Assert.Contains("<packageType name=\"DotnetTool\" />", await reader.ReadToEndAsync(), StringComparison.Ordinal);
            Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", zip.Entries.Select(e => e.FullName));
        }

        var install = await DotnetAsync(dir.Path, "tool", "install", "Onboarding.Cli", "--version", version, "--tool-path", tools, "--add-source", packages);
        Assert.True(install.Code == 0, install.Log);

        var onboard = Path.Combine(tools, "onboard");
        var versionRun = await RunAsync(dir.Path, onboard, "--version");
        Assert.True(versionRun.Code == 0, versionRun.Log);
        Assert.Matches($@"^onboard {Regex.Escape(version)} \(commit ([0-9a-f]{{40}}|unknown), repository \S+\)\n$", versionRun.Log);

        var platform = dir.File("platform");
        Directory.CreateDirectory(platform);
        RepositoryLayout.CopyExamplePlatform(platform);
        var validate = await RunAsync(platform, onboard, "validate");
        Assert.True(validate.Code == 0, validate.Log);
        Assert.Contains("valid", validate.Log, StringComparison.Ordinal);
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static Task<(int Code, string Log)> DotnetAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, "dotnet", args);

    private static async Task<(int Code, string Log)> RunAsync(string workingDirectory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean shell's variables, not the test host's (MSBuild's own and DOTNET_HOST_PATH point at this test run).
        start.Environment.Clear();
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            var key = (string)entry.Key;
            if ((key is "PATH" or "HOME" or "LANG" or "TMPDIR" or "DOTNET_ROOT" || key.StartsWith("NUGET_", StringComparison.Ordinal)
                || key.StartsWith("DOTNET_CLI_", StringComparison.Ordinal)) && entry.Value is string value)
            {
                start.Environment[key] = value;
            }
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
