using System.Diagnostics;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing.FakeGitHub;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary>A backfill of 500 teams stays inside GitHub's secondary-limit advice, read from the fake's request log on the injected clock.</summary>
public sealed class BackfillPacingSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Five_hundred_teams_never_send_more_than_80_content_creating_requests_in_a_rolling_minute()
    {
        // Repositories exist but lack access: one PUT per team keeps the fake cheap while every team needs a write.
        await using var world = await BackfillWorld.CreateAsync(500, staleTeams: [7]);
        for (var i = 0; i < 500; i++)
        {
            world.AddTeamRepository(i, permission: null);
        }

        var watch = Stopwatch.StartNew();
        var result = world.Run();
        watch.Stop();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.All(Enumerable.Range(0, 500), i => Assert.Equal("push", world.Permission(i)));
        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        var writes = world.Server.Requests.All.Where(r => r.IsMutating).Select(r => r.At).Order().ToList();
        Assert.Equal(504, writes.Count);
        var perMinute = MaxInWindow(writes, TimeSpan.FromMinutes(1));
        var perHour = MaxInWindow(writes, TimeSpan.FromHours(1));
        var closest = writes.Zip(writes.Skip(1), (a, b) => b - a).Min();
        output.WriteLine($"{writes.Count} content-creating requests over {writes[^1] - writes[0]} on the injected clock ({watch.Elapsed.TotalSeconds:0.0} s wall time)");
        output.WriteLine($"max per rolling minute: {perMinute}; max per rolling hour: {perHour}; closest two: {closest.TotalSeconds:0.###} s");
        Assert.InRange(perMinute, 1, 80);
        Assert.InRange(perHour, 1, 500);
        Assert.True(closest >= TimeSpan.FromSeconds(1), $"two mutating requests {closest} apart");
        world.Server.AssertConformsToOpenApi();
    }

    /// <summary>The most requests inside any window (t - length, t], the way the client counts them.</summary>
    private static int MaxInWindow(List<DateTimeOffset> sorted, TimeSpan length)
    {
        var max = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[start] <= sorted[end] - length)
            {
                start++;
            }

            max = Math.Max(max, end - start + 1);
        }

        return max;
    }
}
