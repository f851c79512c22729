using Onboarding.Cli.Tests.Utils;

namespace Onboarding.Cli.Tests;

/// <summary>Two teams approved one after the other: no team is lost when the first pull request is merged before the second.</summary>
public sealed class IssueEventSequenceSpecs
{
    [Fact]
    public async Task The_second_onboarding_is_rebuilt_on_the_new_base_after_the_first_merges()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var ingest = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        var metrics = world.AddIssue("metrics", "metrics-eng", "airflow-metrics");
        var ingestEvent = world.WriteEvent(ingest);
        var metricsEvent = world.WriteEvent(metrics);

        Assert.Equal(0, world.Run(ingestEvent).ExitCode);
        Assert.Equal(0, world.Run(metricsEvent).ExitCode);
        Assert.Equal(2, world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform).Count);
        IssueEventFlowSpecs.AssertArtifactsEqualALocalCompile(world, "onboarding/ingest", "ingest");
        IssueEventFlowSpecs.AssertArtifactsEqualALocalCompile(world, "onboarding/metrics", "metrics");

        // The first pull request is merged: its commit sits on main, so main fast-forwards to it.
        var platform = world.State.FindRepository(OnboardingWorld.Org, OnboardingWorld.Platform)!;
        var merged = world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/ingest")!;
        lock (world.State.Sync)
        {
            platform.Refs["refs/heads/main"] = merged;
        }

        // The re-run's checkout predates the merge; the artifacts must still keep the merged team.
        var rerun = world.Run(metricsEvent);

        Assert.True(rerun.ExitCode == 0, rerun.Out + rerun.Error);
        Assert.Contains("the checkout is behind main", rerun.Out, StringComparison.Ordinal);
        IssueEventFlowSpecs.AssertOneCommitOnMainAt(world, "onboarding/metrics", merged);
        var files = world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/metrics");
        foreach (var environment in new[] { "dev", "staging", "prod" })
        {
            var list = files[$"generated/{environment}/dag_bundle_config.json"];
            Assert.Contains("\"name\": \"ingest\"", list, StringComparison.Ordinal);
            Assert.Contains("\"name\": \"metrics\"", list, StringComparison.Ordinal);
        }

        Assert.Contains("teams/ingest.yaml", files.Keys);
        Assert.Contains("teams/metrics.yaml", files.Keys);
        world.CheckOut("main");
        IssueEventFlowSpecs.AssertArtifactsEqualALocalCompile(world, "onboarding/metrics", "metrics");
        var writes = world.Server.Requests.MutatingCount;
        Assert.Equal(0, world.Run(metricsEvent).ExitCode);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        Assert.Equal(2, world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform).Count);
        Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, metrics.Number));
        world.Server.AssertConformsToOpenApi();
    }
}
