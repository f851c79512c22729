using System.Text.Json;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// On GitHub Enterprise Server every link the flows write points at the configured host: GITHUB_SERVER_URL in the
/// flows (the fake GitHub lays its addresses out as a GitHub Enterprise Server does), never github.com.
/// </summary>
public sealed class GitHubEnterpriseLinkSpecs
{
    private const string Enterprise = "https://github.example.com";

    [Fact]
    public async Task The_issue_comment_and_the_pull_request_link_the_repository_on_the_server_the_flow_runs_against()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.ServerUrl = world.Server.Urls.Web;
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var run = world.Run(world.WriteEvent(issue));

        Assert.True(run.ExitCode == 0, run.ToString());
        var repository = $"{world.Server.Urls.Web}/{OnboardingWorld.Org}/airflow-ingest";
        var comment = Assert.Single(world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Comments).Body;
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform)).Body ?? string.Empty;
        foreach (var text in new[] { comment, pull, run.Out, world.ReadRunnerFile(world.SummaryFile), world.ReadRunnerFile(world.OutputFile) })
        {
            Assert.Contains(repository, text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://github.com/", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_local_plan_links_the_repository_on_GITHUB_SERVER_URL()
    {
        using var repo = new TempGitRepository("onboard-ghes-local");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        File.Delete(repo.Directory.File("teams/payments.yaml"));
        var variables = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = Enterprise + "/" };

        var text = CliRun.InProcess(repo.Path, variables, "issue", "--body", RepositoryLayout.PathOf("examples/issues/valid.md"), "--dry-run");
        var json = CliRun.InProcess(repo.Path, variables, "issue", "--body", RepositoryLayout.PathOf("examples/issues/valid.md"), "--dry-run", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"{Enterprise}/acme-data/airflow-payments", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("https://github.com/", text.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.Out);
        Assert.Equal($"{Enterprise}/acme-data/airflow-payments", report.RootElement.GetProperty("repository").GetProperty("url").GetString());
        Assert.Contains($"{Enterprise}/acme-data/airflow-payments", report.RootElement.GetProperty("pull_request").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_GITHUB_SERVER_URL_is_a_usage_error()
    {
        using var repo = new TempGitRepository("onboard-ghes-bad");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        var variables = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "github.example.com" };

        var run = CliRun.InProcess(repo.Path, variables, "issue", "--body", RepositoryLayout.PathOf("examples/issues/valid.md"), "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GITHUB_SERVER_URL", run.Error, StringComparison.Ordinal);
    }
}
