using System.Text.Json.Nodes;
using Onboarding.Cli.Tests.Utils;

namespace Onboarding.Cli.Tests;

/// <summary>
/// What every GitHub command shares: the token is required before any request and masked on stderr under
/// Actions, and <c>--json</c> makes stdout one machine-readable report.
/// </summary>
public sealed class GitHubSessionSpecs
{
    [Fact]
    public async Task With_json_the_backfill_prints_one_report_and_no_text_on_stdout()
    {
        await using var world = await BackfillWorld.CreateAsync(2, staleTeams: [1]);
        world.AddTeamRepository(0);
        world.AddTeamRepository(1);

        var run = world.Run("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonNode.Parse(run.Out)!;
        Assert.Equal("backfill", report["command"]!.GetValue<string>());
        Assert.True(report["ok"]!.GetValue<bool>());
        Assert.Equal("changed", report["status"]!.GetValue<string>());
        Assert.Contains(report["changes"]!.AsArray(), change => change!.GetValue<string>().Contains("generated/prod/dag_bundle_config.json", StringComparison.Ordinal));
        Assert.Contains(report["calls"]!.AsArray(), call => call!.GetValue<string>() == "POST /repos/acme-data/platform/pulls");
        Assert.Contains("[2/2] team-001: up to date", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_actions_the_backfill_masks_its_token_on_stderr_before_anything_else()
    {
        await using var world = await BackfillWorld.CreateAsync(1);
        world.AddTeamRepository(0);
        world.InActions = true;

        var run = world.Run("--dry-run", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("converged", JsonNode.Parse(run.Out)!["status"]!.GetValue<string>());
        Assert.DoesNotContain(world.Server.Token, run.Out, StringComparison.Ordinal);
        Assert.Equal($"::add-mask::{world.Server.Token}", run.Error.Split('\n')[0]);
    }

    [Fact]
    public async Task Without_a_token_the_backfill_is_a_usage_error_before_any_request()
    {
        await using var world = await BackfillWorld.CreateAsync(1);

        var run = world.Run("--token-env", "NO_SUCH_TOKEN");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("onboard backfill: the environment variable NO_SUCH_TOKEN holds no token", run.Error, StringComparison.Ordinal);
        Assert.Empty(world.Server.Requests.All);
    }
}
