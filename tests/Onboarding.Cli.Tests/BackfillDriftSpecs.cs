using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing.FakeGitHub;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard backfill --report</c>: drift between GitHub and the team files lands in one sticky issue that is opened,
/// rewritten only when the findings change, closed when they are gone and reopened when drift returns; the report
/// writes to nothing but that issue.
/// </summary>
public sealed class BackfillDriftSpecs(ITestOutputHelper output)
{
    private static readonly string[] IssueWrites =
    [
        "POST /repos/{owner}/{repo}/issues",
        "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
        "PATCH /repos/{owner}/{repo}/issues/{issue_number}",
    ];

    [Fact]
    public async Task Drift_is_tabled_in_one_sticky_issue_that_closes_when_it_is_gone_and_reopens_when_it_returns()
    {
        await using var world = await ConvergedAsync();
        var clean = world.Run("--report");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("no drift in 5 teams", clean.Out, StringComparison.Ordinal);
        Assert.Equal(0, world.MutatingCount);

        world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(0))!.Archived = true;
        world.State.FindTeam(BackfillWorld.Org, BackfillWorld.GitHubTeam(1))!.RepositoryPermissions.Clear();
        var repo2 = world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(2))!;
        repo2.Refs.Remove("refs/heads/develop");

        var drift = world.Run("--report");

        Assert.True(drift.ExitCode == 0, drift.ToString());
        var issue = Assert.Single(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Platform)!.Issues);
        output.WriteLine(issue.Body);
        Assert.Equal("Onboarding drift", issue.Title);
        Assert.Equal(["onboarding-drift"], issue.Labels);
        Assert.Equal("open", issue.State);
        Assert.Contains("| Team | Bundle | Environment | Finding | How to fix |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| `team-000` | `team-000` | all | repository acme-data/airflow-team-000 is archived: Airflow still clones it, nobody can push to it | unarchive it on GitHub, or remove bundle `team-000` from teams/team-000.yaml |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| `team-001` | `team-001` | all | team team-001-eng has no access to acme-data/airflow-team-001 (needs push or higher) | run `onboard backfill --team team-001`: it grants push |", issue.Body, StringComparison.Ordinal);
        Assert.Contains("| `team-002` | `team-002` | `dev` | tracking\\_ref develop is no branch or tag of acme-data/airflow-team-002 |", issue.Body, StringComparison.Ordinal);
        Assert.Equal(3, issue.Body!.Split('\n').Count(line => line.StartsWith("| `team-", StringComparison.Ordinal)));
        Assert.Contains("drift=3\n", world.ReadRunnerFile(world.OutputFile), StringComparison.Ordinal);
        Assert.Equal(["POST /repos/{owner}/{repo}/issues"], Writes(world));

        var unchanged = world.Run("--report");

        Assert.Equal(0, unchanged.ExitCode);
        Assert.Contains("unchanged since the last report", unchanged.Out, StringComparison.Ordinal);
        Assert.Single(Writes(world));

        world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(0))!.Archived = false;
        world.State.FindTeam(BackfillWorld.Org, BackfillWorld.GitHubTeam(1))!.RepositoryPermissions[$"{BackfillWorld.Org}/{BackfillWorld.Repo(1)}"] = "push";
        repo2.Refs["refs/heads/develop"] = repo2.Refs["refs/heads/main"];

        var fixedUp = world.Run("--report");

        Assert.Equal(0, fixedUp.ExitCode);
        Assert.Equal("closed", issue.State);
        var comment = Assert.Single(issue.Comments);
        Assert.StartsWith("No drift left", comment.Body, StringComparison.Ordinal);
        Assert.Equal(IssueWrites, Writes(world));

        Assert.Equal(0, world.Run("--report").ExitCode);
        Assert.Equal(3, Writes(world).Count);

        world.State.FindTeam(BackfillWorld.Org, BackfillWorld.GitHubTeam(4))!.RepositoryPermissions[$"{BackfillWorld.Org}/{BackfillWorld.Repo(4)}"] = "triage";
        var returned = world.Run("--report");

        Assert.Equal(0, returned.ExitCode);
        Assert.Single(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Platform)!.Issues);
        Assert.Equal("open", issue.State);
        Assert.Contains("team team-004-eng has only triage on acme-data/airflow-team-004", issue.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("team-000", issue.Body, StringComparison.Ordinal);
        Assert.Equal([.. IssueWrites, "PATCH /repos/{owner}/{repo}/issues/{issue_number}"], Writes(world));
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_missing_tag_or_commit_pinned_as_tracking_ref_and_a_missing_or_empty_repository_are_findings()
    {
        const string Gone = "0123456789abcdef0123456789abcdef01234567";
        await using var world = await BackfillWorld.CreateAsync(6, arrange: world =>
        {
            for (var i = 0; i < 5; i++)
            {
                world.AddTeamRepository(i);
            }

            return new Dictionary<int, (string, string)> { [3] = ("prod", "v1.0"), [4] = ("prod", Gone) };
        });
        world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(1))!.Refs.Clear();

        var report = world.Run("--report", "--dry-run");

        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("drift: team-001/team-001: the default branch main of acme-data/airflow-team-001 does not exist (the repository is empty)", report.Out, StringComparison.Ordinal);
        Assert.Contains("drift: team-003/team-003 [prod]: tracking_ref v1.0 is no branch or tag of acme-data/airflow-team-003", report.Out, StringComparison.Ordinal);
        Assert.Contains($"drift: team-004/team-004 [prod]: tracking_ref {Gone} is no commit of acme-data/airflow-team-004", report.Out, StringComparison.Ordinal);
        Assert.Contains("drift: team-005/team-005: repository acme-data/airflow-team-005 does not exist (or the app cannot see it); fix: run onboard backfill --team team-005: it creates the repository", report.Out, StringComparison.Ordinal);
        Assert.Contains("dry run: the issue was left alone; 4 findings in 6 teams; drift issue would be opened", report.Out, StringComparison.Ordinal);
        Assert.Equal(0, world.MutatingCount);
        Assert.Empty(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Platform)!.Issues);
        world.Server.AssertConformsToOpenApi();
    }

    /// <summary>Five converged teams; team-003 pins prod to the tag v1.0, team-004 pins prod to a commit.</summary>
    private static Task<BackfillWorld> ConvergedAsync() => BackfillWorld.CreateAsync(5, arrange: world =>
    {
        for (var i = 0; i < 5; i++)
        {
            world.AddTeamRepository(i);
        }

        var repo3 = world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(3))!;
        repo3.Refs["refs/tags/v1.0"] = repo3.Refs["refs/heads/main"];
        var sha = world.State.BranchSha(BackfillWorld.Org, BackfillWorld.Repo(4), "main")!;
        return new Dictionary<int, (string, string)> { [3] = ("prod", "v1.0"), [4] = ("prod", sha) };
    });

    private static List<string> Writes(BackfillWorld world) => [.. world.Server.Requests.All.Where(r => r.IsMutating).Select(r => r.Operation)];
}
