using Onboarding.Cli.Tests.Utils;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The owners' team must exist in the organization before anything is created for it: onboarding stops with a
/// problem under the form field "GitHub team"; backfill reports the team and creates none of its repositories.
/// </summary>
public sealed class OwnersTeamSpecs
{
    [Fact]
    public async Task A_request_naming_a_team_that_does_not_exist_is_a_problem_under_its_field_and_creates_nothing()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ghost", "ghost-eng", "airflow-ghost");

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Null(world.State.FindRepository(OnboardingWorld.Org, "airflow-ghost"));
        Assert.Empty(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.DoesNotContain(world.Server.Requests.All, request => request.IsMutating && !request.Template.Contains("/issues/", StringComparison.Ordinal));
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body;
        Assert.Contains("- **GitHub team** names a team that does not exist in the organization acme-data: `ghost-eng`; write the slug of an existing team of acme-data", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("re-apply", comment, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ghost-eng does not exist", result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_team_exists_the_same_request_is_onboarded()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ghost", "ghost-eng", "airflow-ghost");
        Assert.Equal(1, world.Run(world.WriteEvent(issue)).ExitCode);

        world.State.AddTeam(OnboardingWorld.Org, "ghost-eng");
        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(world.State.FindRepository(OnboardingWorld.Org, "airflow-ghost"));
        Assert.Equal("push", world.State.FindTeam(OnboardingWorld.Org, "ghost-eng")!.RepositoryPermissions.GetValueOrDefault($"{OnboardingWorld.Org}/airflow-ghost"));
    }

    [Fact]
    public async Task Backfill_reports_a_missing_team_and_creates_none_of_its_repositories()
    {
        await using var world = await BackfillWorld.CreateAsync(3);
        world.State.RemoveTeam(BackfillWorld.Org, BackfillWorld.GitHubTeam(1));

        var result = world.Run();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Null(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(1)));
        Assert.NotNull(world.State.FindRepository(BackfillWorld.Org, BackfillWorld.Repo(0)));
        Assert.Contains($"! team {BackfillWorld.Org}/{BackfillWorld.GitHubTeam(1)} does not exist", result.Out + result.Error, StringComparison.Ordinal);
    }
}
