using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class RepositorySpecs : GitHubSpec
{
    [Fact]
    public async Task An_existing_repository_is_read_with_its_default_branch_url_and_archived_flag()
    {
        var seeded = SeedRepository("airflow-analytics");
        seeded.Archived = true;
        seeded.DefaultBranch = "main";

        var repository = await Client.GetRepositoryAsync(Org, "airflow-analytics", Ct);

        Assert.NotNull(repository);
        Assert.Equal("acme/airflow-analytics", repository.FullName);
        Assert.Equal("main", repository.DefaultBranch);
        Assert.True(repository.Archived);
        Assert.Equal($"{Server.Urls.Web}/acme/airflow-analytics", repository.HtmlUrl);
    }

    [Fact]
    public async Task A_GitHub_Enterprise_base_address_without_a_trailing_slash_works()
    {
        SeedRepository("platform");
        var client = CreateClient(options => new GitHubClientOptions
        {
            BaseAddress = new Uri(Server.Urls.Api),
            Token = options.Token,
        });

        var repository = await client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal("acme/platform", repository?.FullName);
        Assert.EndsWith("/api/v3", Server.Urls.Api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_names_are_case_insensitive()
    {
        SeedRepository("Airflow-Analytics");

        var repository = await Client.GetRepositoryAsync("ACME", "airflow-analytics", Ct);

        Assert.Equal("Airflow-Analytics", repository?.Name);
    }

    [Fact]
    public async Task A_missing_repository_reads_as_null()
    {
        var repository = await Client.GetRepositoryAsync(Org, "nope", Ct);

        Assert.Null(repository);
        Assert.Equal(1, Server.Requests.Count("GET /repos/{owner}/{repo}"));
    }

    [Fact]
    public async Task Creating_an_organisation_repository_with_auto_init_gives_it_a_default_branch()
    {
        var created = await Client.CreateOrganizationRepositoryAsync(Org, new CreateRepositoryRequest("airflow-sales", "private", AutoInit: true, "Sales DAGs"), Ct);

        Assert.Equal("airflow-sales", created.Name);
        Assert.True(created.Private);
        Assert.NotNull(await Client.GetBranchRefAsync(Org, "airflow-sales", "main", Ct));
        Assert.Equal("# airflow-sales\n", Server.State.FilesAt(Org, "airflow-sales", "main")["README.md"]);
    }

    [Fact]
    public async Task Creating_a_repository_whose_name_exists_in_any_case_fails_as_name_already_exists()
    {
        SeedRepository("airflow-sales");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.CreateOrganizationRepositoryAsync(Org, new CreateRepositoryRequest("AIRFLOW-SALES", "private", AutoInit: true, null), Ct));

        Assert.Equal(GitHubErrorReason.AlreadyExists, error.Reason);
        Assert.Equal(422, error.StatusCode);
        Assert.Contains("name already exists on this account", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_silently_renames_characters_outside_its_alphabet_so_the_returned_name_is_what_counts()
    {
        var created = await Client.CreateOrganizationRepositoryAsync(Org, new CreateRepositoryRequest("airflow sales!", "private", AutoInit: false, null), Ct);

        Assert.Equal("airflow-sales-", created.Name);
    }

    [Fact]
    public async Task A_repository_created_without_auto_init_has_no_branch_and_takes_no_refs()
    {
        await Client.CreateOrganizationRepositoryAsync(Org, new CreateRepositoryRequest("empty", "private", AutoInit: false, null), Ct);
        var main = Server.State.AddRepository(Org, "donor", new Dictionary<string, string> { ["a"] = "a" });

        var branch = await Client.GetBranchRefAsync(Org, "empty", "main", Ct);
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateBranchRefAsync(Org, "empty", "main", main.Refs["refs/heads/main"], Ct));

        Assert.Null(branch);
        Assert.Equal(409, error.StatusCode);
        Assert.Contains("Git Repository is empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Updating_a_repository_changes_its_settings()
    {
        SeedRepository("airflow-sales");

        var updated = await Client.UpdateRepositoryAsync(Org, "airflow-sales", new UpdateRepositoryRequest(Visibility: "public", Description: "Sales"), Ct);

        Assert.Equal("public", updated.Visibility);
        Assert.False(updated.Private);
        Assert.Equal("public", Server.State.FindRepository(Org, "airflow-sales")!.Visibility);
    }

    [Fact]
    public async Task Updating_a_missing_repository_fails_as_not_found_naming_the_call()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.UpdateRepositoryAsync(Org, "nope", new UpdateRepositoryRequest(Archived: true), Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
        Assert.Equal("PATCH /repos/{owner}/{repo} failed with HTTP 404 after 1 try: Not Found", error.Message["GitHub API ".Length..]);
    }
}
