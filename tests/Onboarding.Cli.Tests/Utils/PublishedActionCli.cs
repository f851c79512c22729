using Onboarding.Testing;

namespace Onboarding.Cli.Tests.Utils;

/// <summary>
/// One runner temp folder for a test class, and the action's cold start in it: the CLI is published once
/// (by the action's own publish step) while checking the example platform. Later runs in the same folder
/// find the published CLI where a cache restore would have put it: the warm start.
/// </summary>
public sealed class PublishedActionCli : IAsyncLifetime
{
    public TempDirectory RunnerTemp { get; } = new("onboard-action-runner");

    internal ActionRunOutcome ColdCheck { get; private set; } = null!;

    /// <summary>The published CLI's modification time right after the cold run.</summary>
    public DateTime PublishedAt { get; private set; }

    /// <summary>github.action_path as <c>uses: ./</c> gives it: the repository root with a trailing <c>/./</c>.</summary>
    public static string ActionPath => RepositoryLayout.Root + "/./";

    public async Task InitializeAsync()
    {
        using var workspace = new TempDirectory("onboard-action-workspace");
        RepositoryLayout.CopyExamplePlatform(workspace.Path);
        ColdCheck = await Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = "check" });
        var cli = CliFile(ColdCheck);
        PublishedAt = File.Exists(cli) ? File.GetLastWriteTimeUtc(cli) : default;
    }

    internal CompositeActionRunner Runner(string workspace) => new(ActionPath, workspace, RunnerTemp.Path);

    /// <summary>Where the run's cache-key step said the published CLI lives.</summary>
    internal static string CliFile(ActionRunOutcome run) => Path.Combine(run.Step("Compute CLI cache key").Outputs["dir"], "onboard");

    public Task DisposeAsync()
    {
        RunnerTemp.Dispose();
        return Task.CompletedTask;
    }
}
