using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing.FakeGitHub;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard backfill</c> against a fake GitHub: 50 teams in every state a platform drifts into converge in one pull
/// request; a second run writes nothing; a failure half-way is finished by a re-run that redoes nothing; a dry run
/// prints the plan and writes nothing.
/// </summary>
public sealed class BackfillSpecs(ITestOutputHelper output)
{
    private const string PutAccess = "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}";
    private const string Generate = "POST /repos/{template_owner}/{template_repo}/generate";
    private static readonly int[] Stale = [3, 17, 40];

    [Fact]
    public async Task Fifty_teams_converge_in_one_pull_request_and_a_second_run_sends_no_mutating_request()
    {
        await using var world = await FiftyTeamsAsync();

        var first = world.Run();

        Assert.True(first.ExitCode == 0, first.ToString());
        for (var i = 0; i < 50; i++)
        {
            Assert.NotNull(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(i)));
            Assert.Equal(i == 25 ? "maintain" : "push", world.Permission(i));
        }

        Assert.Equal(10, world.Server.Requests.Count(Generate));
        Assert.Equal(25, world.Server.Requests.Count(PutAccess));
        var pull = Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        Assert.Equal("Backfill: regenerate artifacts", pull.Title);
        Assert.Equal($"backfill/{BackfillWorld.RunId}", pull.Pull!.HeadRef);
        Assert.Equal(1, PlatformWrites(world, "POST /repos/{owner}/{repo}/git/commits"));
        Assert.Equal(1, PlatformWrites(world, "POST /repos/{owner}/{repo}/git/refs"));
        var branch = world.State.FilesAt(BackfillWorld.Org, BackfillWorld.Platform, pull.Pull.HeadRef);
        foreach (var (path, text) in world.FreshArtifacts())
        {
            Assert.Equal(text, branch[path]);
        }

        Assert.Contains("[1/50] team-000: + create repo acme-data/airflow-team-000 (from template acme-data/airflow-team-template); ~ grant push to team team-000-eng on acme-data/airflow-team-000", first.Error, StringComparison.Ordinal);
        Assert.Contains("[50/50] team-049: up to date", first.Error, StringComparison.Ordinal);
        Assert.Contains("Applied: 10 repos created, 25 permissions granted, 1 artifact commit.", first.Out, StringComparison.Ordinal);
        var outputs = world.ReadRunnerFile(world.OutputFile);
        Assert.Contains($"pr-number={pull.Number}\n", outputs, StringComparison.Ordinal);
        Assert.Contains("pr-url=http", outputs, StringComparison.Ordinal);
        Assert.Contains("changed=true\n", outputs, StringComparison.Ordinal);
        Assert.Contains("## Backfill", world.ReadRunnerFile(world.SummaryFile), StringComparison.Ordinal);
        var firstRequests = world.Server.Requests.All.Count;
        output.WriteLine($"first run: {firstRequests} requests for 50 teams\n{world.Server.Requests.Table()}");

        var second = world.Run();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Equal(39, world.MutatingCount);
        Assert.Contains("No changes: every team and the artifacts already match.", second.Out, StringComparison.Ordinal);
        Assert.Contains($"already holds the regenerated files", second.Error, StringComparison.Ordinal);
        Assert.EndsWith("changed=false\n", world.ReadRunnerFile(world.OutputFile), StringComparison.Ordinal);
        var secondRequests = world.Server.Requests.All.Count - firstRequests;
        output.WriteLine($"second run: {secondRequests} requests for 50 converged teams (2 per team plus the platform's branch and pull request)");
        Assert.True(secondRequests <= (2 * 50) + 10, world.Server.Requests.Table());
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Once_the_pull_request_is_merged_a_run_writes_nothing_and_opens_no_new_pull_request()
    {
        await using var world = await FiftyTeamsAsync();
        Assert.Equal(0, world.Run().ExitCode);
        world.Merge($"backfill/{BackfillWorld.RunId}");
        var before = world.MutatingCount;

        var again = world.Run();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, world.MutatingCount);
        Assert.Contains("artifacts: main is up to date", again.Error, StringComparison.Ordinal);
        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task When_the_default_branch_moved_the_open_pull_request_is_rebuilt_on_it_instead_of_a_second_one_opened()
    {
        await using var world = await FiftyTeamsAsync();
        Assert.Equal(0, world.Run().ExitCode);
        var pull = Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        await world.CommitToMainAsync(new Dictionary<string, string> { ["teams/team-041.yaml"] = world.Checkout.Read("teams/team-041.yaml").Replace("refresh_interval: 300", "refresh_interval: 45", StringComparison.Ordinal) });
        var main = world.State.BranchSha(BackfillWorld.Org, BackfillWorld.Platform, "main");

        var again = world.Run();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        Assert.Contains($"files regenerated in pull request #{pull.Number}", again.Error, StringComparison.Ordinal);
        var branch = world.State.FilesAt(BackfillWorld.Org, BackfillWorld.Platform, pull.Pull!.HeadRef);
        Assert.Contains("\"refresh_interval\": 45", branch["generated/prod/dag_bundle_config.json"], StringComparison.Ordinal);
        var head = world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Platform)!.Refs[$"refs/heads/{pull.Pull.HeadRef}"];
        Assert.True(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Platform)!.Objects.TryGetCommit(head, out var commit));
        Assert.Equal([main!], commit.Parents);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task An_open_backfill_pull_request_is_closed_once_the_default_branch_holds_fresh_artifacts_from_elsewhere()
    {
        await using var world = await FiftyTeamsAsync();
        Assert.Equal(0, world.Run().ExitCode);
        var pull = Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        await world.CommitToMainAsync(world.FreshArtifacts());
        var before = world.MutatingCount;

        var plan = world.Run("--dry-run");
        var closing = world.Run();
        var after = world.MutatingCount;
        var quiet = world.Run();

        Assert.Contains($"  - close pull request #{pull.Number} (the default branch already holds its artifacts)", plan.Out, StringComparison.Ordinal);
        Assert.True(closing.ExitCode == 0, closing.ToString());
        Assert.Contains($"closed the backfill pull request #{pull.Number}, which has nothing left to deploy", closing.Error, StringComparison.Ordinal);
        Assert.Equal("closed", pull.State);
        Assert.Equal(before + 1, after);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(after, world.MutatingCount);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_failure_half_way_exits_3_and_a_rerun_finishes_without_redoing_finished_teams()
    {
        await using var world = await FiftyTeamsAsync();
        world.Server.InjectFault(new FaultRule(FaultKind.InternalServerError) { Operation = PutAccess, FirstOccurrence = 25, Times = int.MaxValue });

        var failed = world.Run();

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("failed while converging team team-024 (25/50)", failed.Error, StringComparison.Ordinal);
        Assert.Contains("24 of 50 teams were finished", failed.Error, StringComparison.Ordinal);
        Assert.Empty(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        var granted = world.Server.Requests.All.Where(r => r.Operation == PutAccess && r.Status == 204).Select(r => r.Path).ToHashSet();
        Assert.Equal(24, granted.Count);
        var logged = world.Server.Requests.All.Count;

        world.Server.Faults.Clear();
        var rerun = world.Run();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        var rerunRequests = world.Server.Requests.All.Skip(logged).ToList();
        Assert.DoesNotContain(rerunRequests, r => r.Operation == PutAccess && granted.Contains(r.Path));
        Assert.DoesNotContain(rerunRequests, r => r.Operation == Generate);
        Assert.Equal(["/orgs/acme-data/teams/team-024-eng/repos/acme-data/airflow-team-024"], rerunRequests.Where(r => r.Operation == PutAccess).Select(r => r.Path));
        Assert.Equal(10, world.Server.Requests.Count(Generate));
        Assert.Single(world.State.PullRequests(BackfillWorld.Org, BackfillWorld.Platform));
        Assert.Equal(1, PlatformWrites(world, "POST /repos/{owner}/{repo}/git/commits"));
        Assert.All(Enumerable.Range(0, 50), i => Assert.Contains(world.Permission(i), new[] { "push", "maintain" }));
        Assert.Contains("Applied: 0 repos created, 1 permission granted, 1 artifact commit.", rerun.Out, StringComparison.Ordinal);
        output.WriteLine(world.Server.Requests.Table());
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_with_its_totals_and_sends_no_mutating_request()
    {
        await using var world = await FiftyTeamsAsync();

        var plan = world.Run("--dry-run");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Equal(0, world.MutatingCount);
        Assert.Contains("team team-000:\n  + create repo acme-data/airflow-team-000 (from template acme-data/airflow-team-template)\n  ~ grant push to team team-000-eng on acme-data/airflow-team-000\n", plan.Out, StringComparison.Ordinal);
        Assert.Contains("team team-024:\n  ~ grant push to team team-024-eng on acme-data/airflow-team-024\n", plan.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("team team-025:", plan.Out, StringComparison.Ordinal);
        Assert.Contains("artifacts:\n  ~ regenerate generated/dev/dag_bundle_config.json\n  ~ regenerate generated/manifest.json\n  ~ regenerate generated/prod/dag_bundle_config.json\n", plan.Out, StringComparison.Ordinal);
        Assert.Contains("Plan: 10 repos to create, 25 permissions to grant, 1 artifact commit.", plan.Out, StringComparison.Ordinal);
        Assert.Null(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(0)));
        Assert.Null(world.Permission(10));

        var applied = world.Run();

        Assert.Equal(0, applied.ExitCode);
        Assert.Contains("Applied: 10 repos created, 25 permissions granted, 1 artifact commit.", applied.Out, StringComparison.Ordinal);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Named_teams_alone_are_converged_and_an_unknown_or_malformed_name_changes_nothing()
    {
        await using var world = await FiftyTeamsAsync();

        var unknown = world.Run("--team", "team-003", "--team", "team-999");
        var malformed = world.Run("--team", "../team-003");
        var named = world.Run("--team", "team-003", "--team", "team-012");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no team file on main names 'team-999'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("is not a team name", malformed.Error, StringComparison.Ordinal);
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Contains("[1/2] team-003:", named.Error, StringComparison.Ordinal);
        Assert.Contains("[2/2] team-012: ~ grant push", named.Error, StringComparison.Ordinal);
        Assert.Equal(1, world.Server.Requests.Count(Generate));
        Assert.NotNull(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(3)));
        Assert.Null(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(0)));
        Assert.Null(world.Permission(11));
        Assert.Equal("push", world.Permission(12));
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Without_a_template_missing_repositories_are_created_and_seeded_like_the_issue_flow_does()
    {
        await using var world = await BackfillWorld.CreateAsync(2, seeded: true);
        world.AddTeamRepository(1);

        var result = world.Run();
        var again = world.Run("--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[1/2] team-000: + create repo acme-data/airflow-team-000 (seeded from templates/team-repo/)", result.Error, StringComparison.Ordinal);
        var files = world.State.FilesAt(BackfillWorld.Org, BackfillWorld.Repo(0), "main");
        Assert.Contains("Airflow DAGs of team **team-000** (owners: `@acme-data/team-000-eng`)", files["README.md"], StringComparison.Ordinal);
        Assert.Contains("dags/example_dag.py", files.Keys);
        Assert.Equal("push", world.Permission(0));
        Assert.Equal(1, world.Server.Requests.Count("POST /orgs/{org}/repos"));
        Assert.Contains("No changes: every team and the artifacts already match.", again.Out, StringComparison.Ordinal);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task When_GitHub_fails_every_request_the_run_exits_3_and_the_token_appears_nowhere()
    {
        await using var world = await BackfillWorld.CreateAsync(2);
        world.Server.EchoRequestHeaders = true;

        var result = world.Run("--verbose");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("failed while reading the platform's default branch", result.Error, StringComparison.Ordinal);
        Assert.Contains("HTTP 500 after 5 tries", result.Error, StringComparison.Ordinal);
        var everything = result.Out + result.Error + world.ReadRunnerFile(world.SummaryFile) + world.ReadRunnerFile(world.OutputFile);
        Assert.DoesNotContain(world.Server.Token, everything, StringComparison.Ordinal);
        Assert.Contains("## Backfill", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archived_repository_is_reported_and_left_alone()
    {
        await using var world = await BackfillWorld.CreateAsync(3);
        world.AddTeamRepository(0);
        world.AddTeamRepository(1, permission: null).Archived = true;
        world.AddTeamRepository(2, permission: "pull");

        var result = world.Run();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[2/3] team-001: ! acme-data/airflow-team-001 is archived: left as it is", result.Error, StringComparison.Ordinal);
        Assert.Null(world.Permission(1));
        Assert.Equal("push", world.Permission(2));
        Assert.Equal(["/orgs/acme-data/teams/team-002-eng/repos/acme-data/airflow-team-002"], world.Server.Requests.All.Where(r => r.IsMutating).Select(r => r.Path));
        world.Server.AssertConformsToOpenApi();
    }

    /// <summary>0-9 without a repository, 10-23 without access, 24 with pull only, 25 with maintain, the rest converged; 3 teams' artifacts stale.</summary>
    private static async Task<BackfillWorld> FiftyTeamsAsync()
    {
        var world = await BackfillWorld.CreateAsync(50, Stale);
        for (var i = 10; i < 50; i++)
        {
            world.AddTeamRepository(i, i switch { < 24 => null, 24 => "pull", 25 => "maintain", _ => "push" });
        }

        return world;
    }

    private static int PlatformWrites(BackfillWorld world, string operation) =>
        world.Server.Requests.All.Count(r => r.Operation == operation && r.Path.StartsWith($"/repos/{BackfillWorld.Org}/{BackfillWorld.Platform}/", StringComparison.Ordinal));
}
