using System.Globalization;
using System.Text;
using CliWrap;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// A backfill stopped half-way (its cancellation token, or SIGINT to the real process) sends no request after
/// the stop, says which teams finished and exits 130; a re-run finishes the rest without doing anything twice.
/// </summary>
public sealed class BackfillCancellationSpecs
{
    private const string PutAccess = "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}";
    private const string Generate = "POST /repos/{template_owner}/{template_repo}/generate";
    private const string CreatePull = "POST /repos/{owner}/{repo}/pulls";

    [Fact]
    public async Task A_backfill_cancelled_half_way_sends_no_further_request_and_a_rerun_converges_with_no_duplicates()
    {
        await using var world = await BackfillWorld.CreateAsync(50, [3, 17, 40]);
        for (var i = 10; i < 50; i++)
        {
            world.AddTeamRepository(i, i switch { < 24 => null, 24 => "pull", 25 => "maintain", _ => "push" });
        }

        using var cancellation = new CancellationTokenSource();
        var sentWhenCancelled = 0;
        world.Server.OnRequest = request =>
        {
            // Half-way: the first request about team-020, while team-020 is being converged.
            if (sentWhenCancelled == 0 && request.Path.Contains("team-020", StringComparison.Ordinal))
            {
                sentWhenCancelled = world.Server.Requests.All.Count;
                cancellation.Cancel();
            }
        };

        var stopped = await world.RunAsync(cancellation.Token);

        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Equal(sentWhenCancelled, world.Server.Requests.All.Count);
        Assert.Contains("[20/50] team-019:", stopped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("[21/50]", stopped.Error, StringComparison.Ordinal);
        Assert.Contains("cancelled while converging team team-020 (21/50): 20 of 50 teams were finished", stopped.Error, StringComparison.Ordinal);
        Assert.Contains("Cancelled after 20 of 50 teams; applied: 10 repos created, 20 permissions granted", stopped.Out, StringComparison.Ordinal);
        Assert.Empty(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        var logged = world.Server.Requests.All.Count;
        world.Server.OnRequest = null;

        var rerun = world.Run();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var rerunRequests = world.Server.Requests.All.Skip(logged).ToList();
        Assert.DoesNotContain(rerunRequests, r => r.Operation == Generate);
        Assert.Equal(5, rerunRequests.Count(r => r.Operation == PutAccess));
        Assert.Equal(10, world.Server.Requests.Count(Generate));
        Assert.Equal(25, world.Server.Requests.Count(PutAccess));
        Assert.Equal(25, world.Server.Requests.All.Where(r => r.Operation == PutAccess).Select(r => r.Path).Distinct().Count());
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(i == 25 ? "maintain" : "push", world.Permission(i));
        }

        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        Assert.Equal(1, world.Server.Requests.Count(CreatePull));
        Assert.Equal(1, world.Server.Requests.All.Count(r => r.Operation == "POST /repos/{owner}/{repo}/git/commits" && r.Path.StartsWith($"/repos/{BackfillWorld.Org}/{BackfillWorld.Platform}/", StringComparison.Ordinal)));
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Sigint_stops_the_real_process_between_requests_with_exit_130_and_a_rerun_converges_with_no_duplicates()
    {
        // Repositories exist, so each team needs one write (the owners' team's access). The signal arrives while
        // the first of them is in flight: it is let finish, and nothing is sent after it.
        await using var world = await BackfillWorld.CreateAsync(3, staleTeams: [2]);
        for (var i = 0; i < 3; i++)
        {
            world.AddTeamRepository(i, permission: null);
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = CliRun.Command(world.Runner.Path, world.Variables, "backfill", "--root", world.Checkout.Path)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = command.ExecuteAsync(limit.Token);
        var sentWhenSignalled = 0;
        world.Server.OnRequest = request =>
        {
            if (sentWhenSignalled == 0 && request.Operation == PutAccess)
            {
                sentWhenSignalled = world.Server.Requests.All.Count;
                var kill = ChildProcess.Run(CliWrap.Cli.Wrap("kill").WithArguments(["-INT", run.ProcessId.ToString(CultureInfo.InvariantCulture)]), TimeSpan.FromSeconds(10));
                Assert.Equal(0, kill.ExitCode);

                // The process handles the signal on its own thread: the write stays in flight until it has.
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }
        };

        var stopped = await run;

        Assert.True(stopped.ExitCode == 130, $"exit {stopped.ExitCode}\n{stdout}\n{stderr}");
        Assert.True(sentWhenSignalled > 0, stderr.ToString());
        Assert.Equal(sentWhenSignalled, world.Server.Requests.All.Count);
        Assert.Contains("[1/3] team-000: ~ grant push", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("cancelled while converging team team-001 (2/3): 1 of 3 teams were finished", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled after 1 of 3 teams; applied: 0 repos created, 1 permission granted", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("push", world.Permission(0));
        Assert.Null(world.Permission(1));
        world.Server.OnRequest = null;
        var logged = world.Server.Requests.All.Count;

        var rerun = await CliRun.Command(world.Runner.Path, world.Variables, "backfill", "--root", world.Checkout.Path)
            .WithValidation(CommandResultValidation.None).ExecuteAsync(limit.Token);

        Assert.Equal(0, rerun.ExitCode);
        var rerunWrites = world.Server.Requests.All.Skip(logged).Where(r => r.IsMutating).ToList();
        Assert.Equal(["/orgs/acme-data/teams/team-001-eng/repos/acme-data/airflow-team-001", "/orgs/acme-data/teams/team-002-eng/repos/acme-data/airflow-team-002"],
            rerunWrites.Where(r => r.Operation == PutAccess).Select(r => r.Path));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal("push", world.Permission(i)));
        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        Assert.Equal(1, world.Server.Requests.Count(CreatePull));
        Assert.Equal(1, world.Server.Requests.All.Count(r => r.Operation == "POST /repos/{owner}/{repo}/git/commits"));
        Assert.Equal(3, world.State.Repositories.Count(r => r.Name.StartsWith("airflow-team-0", StringComparison.Ordinal)));
        world.Server.AssertConformsToOpenApi();
    }
}
