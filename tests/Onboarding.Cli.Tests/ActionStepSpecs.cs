using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary>
/// The composite action as a runner executes it: action.yml's own steps, scripts under bash with each step's
/// env:, the published CLI as a child process, against the fake GitHub over HTTP.
/// </summary>
public sealed class ActionStepSpecs(PublishedActionCli cli, ITestOutputHelper output) : IClassFixture<PublishedActionCli>
{
    private const string Token = "ghs_ActionSpecsToken0123456789abcdef";
    private const string Publish = "Publish CLI";
    private const string RunStep = "Run onboard";

    private static readonly string[] HostileLines =
    [
        "::add-mask::Onboarding",
        "::error file=action.yml,line=1::fake",
        "::stop-commands::x",
        "@org/everyone please look",
        "<img src=x>",
    ];

    [Fact]
    public void A_cold_start_publishes_the_cli_and_the_check_passes_on_the_example_platform()
    {
        var run = cli.ColdCheck;

        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Step(Publish).Ran);
        Assert.True(File.Exists(PublishedActionCli.CliFile(run)));
        Assert.True(run.Step(RunStep).Ran);
        Assert.Equal("false", run.Outputs["changed"]);
        Assert.Contains("onboard check", run.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", run.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warm_start_skips_the_publish_and_runs_the_cli_already_published()
    {
        using var workspace = ExampleWorkspace();

        var run = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = "check" });

        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Step("Restore CLI").Outputs["cache-hit"]);
        Assert.False(run.Step(Publish).Ran);
        Assert.True(run.Step(RunStep).Ran);
        Assert.Equal(cli.ColdCheck.Step("Compute CLI cache key").Outputs["key"], run.Step("Compute CLI cache key").Outputs["key"]);
        Assert.Equal(cli.PublishedAt, File.GetLastWriteTimeUtc(PublishedActionCli.CliFile(run)));
        Assert.Equal("false", run.Outputs["changed"]);
    }

    [Fact]
    public async Task The_check_of_a_platform_with_stale_artifacts_fails_the_step_and_annotates_the_team_file_line()
    {
        using var workspace = ExampleWorkspace();
        var team = workspace.File("teams/analytics.yaml");
        File.WriteAllText(team, File.ReadAllText(team).Replace("refresh_interval: 120", "refresh_interval: 90", StringComparison.Ordinal));

        var run = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = "check" });

        output.WriteLine(run.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("true", run.Outputs["changed"]);
        Assert.Contains(LogLines(run), line => line.StartsWith("::error file=teams/analytics.yaml,line=11,", StringComparison.Ordinal) && line.Contains("GEN001", StringComparison.Ordinal));
        Assert.Contains("analytics-reports", run.Summary, StringComparison.Ordinal);
        Assert.Contains("refresh_interval", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_issue_with_hostile_text_onboards_the_team_and_the_log_carries_no_forged_command()
    {
        await using var world = await IssueWorld();
        var issue = world.State.AddIssue(OnboardingWorld.Org, OnboardingWorld.Platform, "::error file=action.yml,line=1::fake title",
            OnboardingWorld.IssueBody("ingest", "ingest-eng", "airflow-ingest", description: string.Join('\n', HostileLines)),
            ["onboarding", OnboardingWorld.ApprovalLabel], author: "dana");

        var run = await IssueRunner(world, issue).RunAsync(new Dictionary<string, string> { ["command"] = "issue", ["token"] = Token });

        output.WriteLine(run.ToString());
        output.WriteLine(world.Server.Requests.Table());
        Assert.True(run.ExitCode == 0, run.ToString());
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Equal("ingest", run.Outputs["team"]);
        Assert.Equal($"https://github.com/{OnboardingWorld.Org}/airflow-ingest", run.Outputs["repo-url"]);
        Assert.Equal(pull.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["pr-number"]);
        Assert.StartsWith("http", run.Outputs["pr-url"], StringComparison.Ordinal);
        Assert.EndsWith($"/pull/{pull.Number}", run.Outputs["pr-url"], StringComparison.Ordinal);
        Assert.Equal("true", run.Outputs["changed"]);
        Assert.Contains($"## Onboarding issue #{issue.Number}", run.Summary, StringComparison.Ordinal);
        Assert.Contains("please look", world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/ingest")["teams/ingest.yaml"], StringComparison.Ordinal);

        // Masked twice: by the action's script before the CLI starts, and by the CLI itself.
        Assert.Equal([$"::add-mask::{Token}", $"::add-mask::{Token}"], LogLines(run).Where(line => line.StartsWith("::", StringComparison.Ordinal)));
        Assert.All(LogLines(run).Where(line => line.Contains(Token, StringComparison.Ordinal)), line => Assert.Equal($"::add-mask::{Token}", line));
        Assert.DoesNotContain(Token, run.Summary + string.Concat(run.Outputs.Values), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", run.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@org/everyone", run.Summary, StringComparison.Ordinal);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_request_made_of_hostile_values_fails_the_step_and_the_log_still_carries_no_forged_command()
    {
        await using var world = await IssueWorld();
        var issue = world.State.AddIssue(OnboardingWorld.Org, OnboardingWorld.Platform, "::stop-commands::x",
            OnboardingWorld.IssueBody("::add-mask::Onboarding", "@org/everyone", "<img src=x>", description: string.Join('\n', HostileLines)),
            ["onboarding", OnboardingWorld.ApprovalLabel], author: "dana");

        var run = await IssueRunner(world, issue).RunAsync(new Dictionary<string, string> { ["command"] = "issue", ["token"] = Token });

        output.WriteLine(run.ToString());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("true", run.Outputs["changed"]);
        Assert.Equal(string.Empty, run.Outputs["team"]);
        Assert.Empty(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Contains("onboarding-invalid", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);
        Assert.Contains(LogLines(run), line => line.Contains("Team name", StringComparison.Ordinal));
        Assert.Equal([$"::add-mask::{Token}", $"::add-mask::{Token}"], LogLines(run).Where(line => line.StartsWith("::", StringComparison.Ordinal)));
        Assert.DoesNotContain("<img", run.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@org/everyone", run.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_approval_run_again_changes_nothing_and_says_so()
    {
        await using var world = await IssueWorld();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        var runner = IssueRunner(world, issue);
        var inputs = new Dictionary<string, string> { ["command"] = "issue", ["token"] = Token };
        Assert.Equal("true", (await runner.RunAsync(inputs)).Outputs["changed"]);
        var writes = world.Server.Requests.MutatingCount;

        var again = await runner.RunAsync(inputs);

        output.WriteLine(again.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("false", again.Outputs["changed"]);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        Assert.Equal("ingest", again.Outputs["team"]);
    }

    [Fact]
    public async Task The_issue_command_without_a_token_stops_before_the_cli_with_an_annotation()
    {
        using var workspace = ExampleWorkspace();
        var runner = cli.Runner(workspace.Path);
        runner.EventPath = workspace.Write("event.json", "{}");

        var run = await runner.RunAsync(new Dictionary<string, string> { ["command"] = "issue" });

        output.WriteLine(run.ToString());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("::error title=onboard action::input 'token' is required for 'issue' (a GitHub App installation token; see the action's description)", LogLines(run));
        Assert.Equal(string.Empty, run.Outputs["changed"]);
    }

    [Theory]
    [InlineData("deploy", "false", "", "input 'command' must be one of issue, check, compile, regenerate, backfill, validate, pipelines-check; got 'deploy'")]
    [InlineData("check", "true", "", "input 'dry-run' applies to the issue and backfill commands only ('check' changes no GitHub state)")]
    [InlineData("check", "yes", "", "input 'dry-run' must be 'true' or 'false'; got 'yes'")]
    [InlineData("check", "false", "analytics", "input 'teams' applies to the backfill command only")]
    public async Task Inputs_the_action_cannot_honour_stop_the_step_with_an_annotation(string command, string dryRun, string teams, string message)
    {
        using var workspace = ExampleWorkspace();

        var run = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = command, ["dry-run"] = dryRun, ["teams"] = teams });

        output.WriteLine(run.ToString());
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"::error title=onboard action::{message}"], LogLines(run).Where(line => line.Length > 0));
    }

    [Theory]
    [InlineData("check", "true", "input 'report' applies to the backfill command only")]
    [InlineData("backfill", "maybe", "input 'report' must be 'true' or 'false'; got 'maybe'")]
    public async Task The_drift_report_input_is_for_backfill_only(string command, string report, string message)
    {
        using var workspace = ExampleWorkspace();

        var run = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = command, ["report"] = report, ["token"] = "ghs_unused" });

        output.WriteLine(run.ToString());
        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"::error title=onboard action::{message}"], LogLines(run).Where(line => line.Length > 0));
    }

    [Fact]
    public async Task The_pipelines_check_of_a_team_repository_passes_when_current_and_annotates_a_hand_edit()
    {
        using var workspace = new TempDirectory("onboard-action-team");
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathOf("templates/team-repo"), "*", SearchOption.AllDirectories))
        {
            workspace.Write(Path.GetRelativePath(RepositoryLayout.PathOf("templates/team-repo"), file), File.ReadAllText(file));
        }

        var current = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = "pipelines-check" });
        File.AppendAllText(workspace.File("dags/orders_daily.py"), "# tweak\n");
        var edited = await cli.Runner(workspace.Path).RunAsync(new Dictionary<string, string> { ["command"] = "pipelines-check" });

        output.WriteLine(edited.ToString());
        Assert.True(current.ExitCode == 0, current.ToString());
        Assert.Contains("onboard pipelines check", current.Summary, StringComparison.Ordinal);
        Assert.Equal(1, edited.ExitCode);
        Assert.Contains(LogLines(edited), line => line.StartsWith("::error file=dags/orders_daily.py,line=1,col=1,title=PIPE017::", StringComparison.Ordinal));
    }

    private static TempDirectory ExampleWorkspace()
    {
        var workspace = new TempDirectory("onboard-action-workspace");
        RepositoryLayout.CopyExamplePlatform(workspace.Path);
        return workspace;
    }

    /// <summary>The fake GitHub as the onboarding specs seed it, answering a child process on the real clock.</summary>
    private static async Task<OnboardingWorld> IssueWorld()
    {
        var world = await OnboardingWorld.CreateAsync();
        world.UseToken(Token);

        // The CLI runs in its own process, so the fake's clock never moves: a generated repository becomes
        // ready after a number of requests instead of after a time.
        world.State.GeneratedContentsAfterRequests = 2;
        return world;
    }

    private CompositeActionRunner IssueRunner(OnboardingWorld world, Testing.FakeGitHub.FakeIssue issue)
    {
        var runner = cli.Runner(world.Checkout.Path);
        runner.EventPath = world.WriteEvent(issue);
        runner.Variables["GITHUB_REPOSITORY"] = $"{OnboardingWorld.Org}/{OnboardingWorld.Platform}";
        runner.Variables["GITHUB_API_URL"] = world.Server.BaseAddress.ToString().TrimEnd('/');
        return runner;
    }

    private static string[] LogLines(ActionRunOutcome run) => run.Log.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
