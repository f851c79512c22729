using System.Diagnostics;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The action's fast start: pinned to a released commit, it downloads the release binary for the runner (from a
/// local server holding real release archives), checks it against the release's SHA256SUMS and, where the gh CLI
/// exists, its provenance, caches it and runs it; without .NET and without building. A tampered archive is refused.
/// </summary>
public sealed class ActionReleaseDownloadSpecs(ReleaseArchives release) : IClassFixture<ReleaseArchives>, IAsyncLifetime
{
    private const string Fetch = "Fetch release binary";
    private ReleaseServer server = null!;

    public async Task InitializeAsync()
    {
        server = await ReleaseServer.StartAsync();
        server.Put(ReleaseArchives.Repository, release.Tag, release.ArchiveName, release.Archive);
        server.Put(ReleaseArchives.Repository, release.Tag, "SHA256SUMS", release.Sums);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_pinned_released_commit_runs_the_verified_release_binary_and_builds_nothing()
    {
        using var runnerTemp = new TempDirectory("onboard-action-runner");
        using var workspace = new TempDirectory("onboard-action-workspace");
        RepositoryLayout.CopyExamplePlatform(workspace.Path);

        var run = await Runner(workspace, runnerTemp, ReleaseArchives.Commit).RunAsync(new Dictionary<string, string> { ["command"] = "check" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Step(Fetch).Outputs["found"]);
        Assert.Contains($"{release.ArchiveName} matches SHA256SUMS of release {release.Tag}", run.Log, StringComparison.Ordinal);
        Assert.False(run.Step("Publish CLI").Ran);
        Assert.Contains("generated files are up to date", run.Step("Run onboard").Log, StringComparison.Ordinal);
        Assert.Equal(release.Binary, await File.ReadAllBytesAsync(PublishedActionCli.CliFile(run)));
        Assert.Equal([$"/{ReleaseArchives.Repository}/releases/download/{release.Tag}/SHA256SUMS", $"/{ReleaseArchives.Repository}/releases/download/{release.Tag}/{release.ArchiveName}"], server.Requests);

        // Warm: the cache restore puts the binary back; nothing is downloaded again.
        var warm = await Runner(workspace, runnerTemp, ReleaseArchives.Commit).RunAsync(new Dictionary<string, string> { ["command"] = "check" });

        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal("true", warm.Step("Restore CLI").Outputs["cache-hit"]);
        Assert.Equal("true", warm.Step(Fetch).Outputs["found"]);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_tampered_archive_is_refused_and_never_run()
    {
        server.Put(ReleaseArchives.Repository, release.Tag, release.ArchiveName, release.Tampered());
        using var runnerTemp = new TempDirectory("onboard-action-runner");
        using var workspace = new TempDirectory("onboard-action-workspace");
        RepositoryLayout.CopyExamplePlatform(workspace.Path);

        var run = await Runner(workspace, runnerTemp, ReleaseArchives.Commit).RunAsync(new Dictionary<string, string> { ["command"] = "check" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(1, run.Step(Fetch).ExitCode);
        Assert.Contains($"::error title=onboard action::{release.ArchiveName} of release {release.Tag} has SHA-256 ", run.Step(Fetch).Log, StringComparison.Ordinal);
        Assert.Contains("refusing to run it", run.Step(Fetch).Log, StringComparison.Ordinal);
        Assert.False(run.Step("Publish CLI").Ran);
        Assert.False(run.Step("Run onboard").Ran);
        Assert.False(File.Exists(Path.Combine(run.Step("Compute CLI cache key").Outputs["dir"], "onboard")));
    }

    [Fact]
    public async Task The_provenance_is_checked_with_gh_where_it_is_installed_and_a_failed_check_is_refused()
    {
        using var fakeBin = new TempDirectory("onboard-fake-gh");
        var calls = fakeBin.File("calls");
        fakeBin.Write("gh", $"#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '{calls}'\n[ \"$GH_TOKEN\" = ghs_workflow_token ] || exit 9\n[ ! -f '{fakeBin.File("fail")}' ] || {{ echo 'no attestations found for subject' >&2; exit 1; }}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fakeBin.File("gh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var verified = await FetchAsync(ReleaseArchives.Commit, fakeBin.Path);
        Assert.True(verified.Code == 0, verified.Log);
        Assert.Equal("found=true", verified.Output);
        Assert.Matches($"^attestation verify /.*/{release.ArchiveName} --repo {ReleaseArchives.Repository}\n$", File.ReadAllText(calls));

        fakeBin.Write("fail", string.Empty);
        var refused = await FetchAsync(ReleaseArchives.Commit, fakeBin.Path);
        Assert.Equal(1, refused.Code);
        Assert.Contains("has no valid build-provenance attestation from octo/onboard: no attestations found for subject", refused.Log, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Output);
    }

    [Theory]
    [InlineData("main", "ref 'main' is a branch or a tag that names no release")]
    [InlineData("", "the action runs from the workspace (uses: ./), not from a release")]
    [InlineData("1111111111111111111111111111111111111111", "was not built from 1111111111111111111111111111111111111111")]
    public async Task Without_a_release_for_the_ref_the_action_builds_from_source(string reference, string reason)
    {
        var result = await FetchAsync(reference, pathPrefix: null);

        Assert.True(result.Code == 0, result.Log);
        Assert.Equal("found=false", result.Output);
        Assert.Contains(reason, result.Log, StringComparison.Ordinal);
        Assert.Contains("building the CLI from the action's sources", result.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_the_release_falls_back_to_building_from_source()
    {
        server.Clear();

        var result = await FetchAsync(ReleaseArchives.Commit, pathPrefix: null);

        Assert.Equal("found=false", result.Output);
        Assert.Contains($"no release {release.Tag} of {ReleaseArchives.Repository}", result.Log, StringComparison.Ordinal);
    }

    private CompositeActionRunner Runner(TempDirectory workspace, TempDirectory runnerTemp, string reference)
    {
        var runner = new CompositeActionRunner(PublishedActionCli.ActionPath, workspace.Path, runnerTemp.Path);
        runner.Github["action_repository"] = ReleaseArchives.Repository;
        runner.Github["action_ref"] = reference;
        runner.Github["token"] = "ghs_workflow_token";
        runner.Variables["ONBOARD_RELEASE_BASE_URL"] = server.DownloadBase(ReleaseArchives.Repository);
        return runner;
    }

    /// <summary>Runs the fetch step's script alone, as the step would, and returns its exit code, log and outputs.</summary>
    private async Task<(int Code, string Log, string Output)> FetchAsync(string reference, string? pathPrefix)
    {
        using var temp = new TempDirectory("onboard-fetch");
        var output = temp.Write("output", string.Empty);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryLayout.PathOf("scripts/action/fetch-release.sh"));
        start.Environment.Clear();
        start.Environment["PATH"] = (pathPrefix is null ? string.Empty : pathPrefix + ":") + Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = temp.Path;
        start.Environment["ACTION_PATH"] = RepositoryLayout.Root;
        start.Environment["ACTION_REPOSITORY"] = ReleaseArchives.Repository;
        start.Environment["ACTION_REF"] = reference;
        start.Environment["CLI_DIR"] = temp.File("cli");
        start.Environment["CLI_RID"] = release.Rid;
        start.Environment["GH_TOKEN"] = "ghs_workflow_token";
        start.Environment["RUNNER_TEMP"] = temp.Path;
        start.Environment["GITHUB_OUTPUT"] = output;
        start.Environment["ONBOARD_RELEASE_BASE_URL"] = server.DownloadBase(ReleaseArchives.Repository);
        foreach (var key in new[] { "DOTNET_ROOT" })
        {
            if (Environment.GetEnvironmentVariable(key) is { } value)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr, File.ReadAllText(output).Trim());
    }
}
