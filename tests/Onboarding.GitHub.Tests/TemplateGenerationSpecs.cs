using Onboarding.GitHub.Models;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class TemplateGenerationSpecs : GitHubSpec
{
    private static readonly Dictionary<string, string> TemplateFiles = new()
    {
        ["README.md"] = "# Team repository\n",
        ["dags/example.py"] = "from airflow import DAG\n",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.State.AddTemplateRepository(Org, "airflow-team-template", TemplateFiles);
    }

    [Fact]
    public async Task A_generated_repository_is_waited_for_until_its_default_branch_appears()
    {
        Server.State.GeneratedContentsAfterRequests = 3;

        var repository = await Client.GenerateFromTemplateAsync(Org, "airflow-team-template", new GenerateRepositoryRequest(Org, "airflow-sales", Private: true, null), Ct);
        var main = await Client.WaitForBranchAsync(Org, repository.Name, repository.DefaultBranch, Ct);

        Assert.Equal("refs/heads/main", main.Ref);
        Assert.Equal(4, Server.Requests.Count("GET /repos/{owner}/{repo}/git/ref/{ref}"));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], Clock.Waits);
        Assert.Equal(TemplateFiles, Server.State.FilesAt(Org, "airflow-sales", "main"));
    }

    [Fact]
    public async Task Contents_that_take_time_on_the_clock_are_found_after_the_backoff_covers_it()
    {
        Server.State.GeneratedContentsAfter = TimeSpan.FromSeconds(10);

        await Client.GenerateFromTemplateAsync(Org, "airflow-team-template", new GenerateRepositoryRequest(Org, "airflow-sales", Private: true, null), Ct);
        await Client.WaitForBranchAsync(Org, "airflow-sales", "main", Ct);

        Assert.Equal([1, 2, 4, 8], Clock.Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_configured_checks_with_an_error_that_says_so()
    {
        Server.State.GeneratedContentsAfterRequests = 100;
        var client = CreateClient(options => new GitHubClientOptions
        {
            BaseAddress = options.BaseAddress,
            Token = options.Token,
            Jitter = options.Jitter,
            ReadinessChecks = 7,
        });

        await client.GenerateFromTemplateAsync(Org, "airflow-team-template", new GenerateRepositoryRequest(Org, "airflow-sales", Private: true, null), Ct);
        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.WaitForBranchAsync(Org, "airflow-sales", "main", Ct));

        Assert.Contains("branch 'main' did not appear after 7 checks", error.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 4, 8, 16, 30], Clock.Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task Generating_from_a_repository_that_is_not_a_template_fails_clearly()
    {
        SeedRepository("plain");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.GenerateFromTemplateAsync(Org, "plain", new GenerateRepositoryRequest(Org, "airflow-sales", Private: true, null), Ct));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains("acme/plain is not a template repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generating_from_a_missing_template_fails_as_not_found()
    {
        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.GenerateFromTemplateAsync(Org, "nope", new GenerateRepositoryRequest(Org, "airflow-sales", Private: true, null), Ct));

        Assert.Equal(GitHubErrorReason.NotFound, error.Reason);
    }
}
