using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class TeamAccessSpecs : GitHubSpec
{
    [Fact]
    public async Task An_existing_team_is_read_by_slug()
    {
        Server.State.AddTeam(Org, "analytics-eng", "Analytics Engineering");

        var team = await Client.GetTeamAsync(Org, "analytics-eng", Ct);

        Assert.Equal("Analytics Engineering", team?.Name);
        Assert.Equal("analytics-eng", team?.Slug);
    }

    [Fact]
    public async Task A_missing_team_reads_as_null()
    {
        Assert.Null(await Client.GetTeamAsync(Org, "ghosts", Ct));
    }

    [Fact]
    public async Task A_team_without_access_reads_as_null_and_gets_write_access_when_granted_push()
    {
        Server.State.AddTeam(Org, "analytics-eng");
        SeedRepository("airflow-analytics");

        var before = await Client.GetTeamRepositoryAccessAsync(Org, "analytics-eng", Org, "airflow-analytics", Ct);
        await Client.SetTeamRepositoryPermissionAsync(Org, "analytics-eng", Org, "airflow-analytics", "push", Ct);
        var after = await Client.GetTeamRepositoryAccessAsync(Org, "analytics-eng", Org, "airflow-analytics", Ct);

        Assert.Null(before);
        Assert.NotNull(after);
        Assert.True(after.Permissions.Push);
        Assert.False(after.Permissions.Maintain);
        Assert.Equal("write", after.RoleName);
        Assert.Equal("push", Server.State.FindTeam(Org, "analytics-eng")!.RepositoryPermissions["acme/airflow-analytics"]);
    }

    [Fact]
    public async Task Granting_access_to_a_missing_team_fails_as_not_found()
    {
        SeedRepository("airflow-analytics");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.SetTeamRepositoryPermissionAsync(Org, "ghosts", Org, "airflow-analytics", "push", Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
        Assert.Equal("/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", error.PathTemplate);
    }

    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("maintain", "write")]
    [InlineData("write", "write")]
    [InlineData("triage", "read")]
    [InlineData("read", "read")]
    public async Task A_collaborator_permission_gives_the_legacy_level_and_the_fine_grained_role(string role, string legacy)
    {
        SeedRepository("platform");
        Server.State.SetCollaboratorRole(Org, "platform", "alice", role);

        var permission = await Client.GetCollaboratorPermissionAsync(Org, "platform", "alice", Ct);

        Assert.Equal(legacy, permission?.Permission);
        Assert.Equal(role, permission?.RoleName);
        Assert.Equal("alice", permission?.User?.Login);
    }

    [Fact]
    public async Task A_user_GitHub_does_not_know_reads_as_null()
    {
        SeedRepository("platform");

        Assert.Null(await Client.GetCollaboratorPermissionAsync(Org, "platform", "mallory", Ct));
    }
}
