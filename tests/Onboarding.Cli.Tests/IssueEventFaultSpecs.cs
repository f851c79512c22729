using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.Cli.Tests;

/// <summary>How the issue flow lives with a failing GitHub: bounded retries on the clock, exit 3 with a clear error, a comment that says what failed, and never the token.</summary>
public sealed class IssueEventFaultSpecs
{
    private const string SecretToken = "ghs_TESTTOKEN0123456789abcdef";

    [Fact]
    public async Task The_token_appears_nowhere_when_every_request_fails_and_echoes_its_headers()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.UseToken(SecretToken);
        world.Server.EchoRequestHeaders = true;
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue), "--verbose");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("HTTP 500", result.Error, StringComparison.Ordinal);
        Assert.NotEmpty(world.ReadRunnerFile(world.SummaryFile));
        Assert.DoesNotContain(SecretToken, world.EverythingWritten(result), StringComparison.Ordinal);
        Assert.DoesNotContain("TESTTOKEN", world.EverythingWritten(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_actions_the_token_is_only_in_the_mask_command_the_runner_swallows()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.UseToken(SecretToken);
        world.Server.EchoRequestHeaders = true;
        world.InActions = true;
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue));

        Assert.Equal(3, result.ExitCode);
        var lines = result.Error.Split('\n');
        Assert.Equal($"::add-mask::{SecretToken}", lines[0]);
        Assert.DoesNotContain(SecretToken, string.Join('\n', lines.Skip(1)) + result.Out + world.ReadRunnerFile(world.SummaryFile) + world.ReadRunnerFile(world.OutputFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_is_a_usage_error_before_any_request()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");

        var result = world.Run(world.WriteEvent(issue), "--token-env", "ONBOARD_APP_TOKEN");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ONBOARD_APP_TOKEN holds no token", result.Error, StringComparison.Ordinal);
        Assert.Empty(world.Server.Requests.All);
    }

    public static TheoryData<FaultRule, TimeSpan[]> Recoverable => new()
    {
        { new FaultRule(FaultKind.InternalServerError) { Operation = "GET /repos/{owner}/{repo}/collaborators/{username}/permission", Times = 2 }, [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)] },
        { new FaultRule(FaultKind.ConnectionReset) { Operation = "GET /repos/{owner}/{repo}/issues/{issue_number}", Times = 1 }, [TimeSpan.FromSeconds(1)] },
        { new FaultRule(FaultKind.SecondaryRateLimit) { Operation = "GET /repos/{owner}/{repo}/collaborators/{username}/permission", RetryAfter = TimeSpan.FromSeconds(30) }, [TimeSpan.FromSeconds(30)] },
        { new FaultRule(FaultKind.SecondaryRateLimit) { Operation = "GET /repos/{owner}/{repo}/collaborators/{username}/permission" }, [TimeSpan.FromSeconds(60)] },
        { new FaultRule(FaultKind.TooManyRequests) { Operation = "GET /repos/{owner}/{repo}/collaborators/{username}/permission", RetryAfter = TimeSpan.FromSeconds(7) }, [TimeSpan.FromSeconds(7)] },
        { new FaultRule(FaultKind.PrimaryRateLimit) { Operation = "GET /repos/{owner}/{repo}/collaborators/{username}/permission", ResetAfter = TimeSpan.FromMinutes(3) }, [TimeSpan.FromMinutes(3)] },
    };

    [Theory]
    [MemberData(nameof(Recoverable))]
    public async Task Transient_failures_and_rate_limits_are_waited_out_on_the_clock(FaultRule fault, TimeSpan[] waits)
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        world.Server.InjectFault(fault);

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(waits, world.Clock.Waits.Take(waits.Length));
        Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
    }

    [Fact]
    public async Task A_rate_limited_post_waits_for_retry_after_and_is_sent_once()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        world.Server.InjectFault(new FaultRule(FaultKind.SecondaryRateLimit) { Operation = "POST /repos/{owner}/{repo}/pulls", RetryAfter = TimeSpan.FromSeconds(45) });

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains(TimeSpan.FromSeconds(45), world.Clock.Waits);
        Assert.Equal(2, world.Server.Requests.Count("POST /repos/{owner}/{repo}/pulls"));
        Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
    }

    public static TheoryData<FaultRule, string, string> Fatal => new()
    {
        { FaultRule.Always("GET /repos/{owner}/{repo}/issues/{issue_number}", FaultKind.BadGateway), "checking the approval", "HTTP 502 after 5 tries" },
        { FaultRule.Always("GET /repos/{owner}/{repo}", FaultKind.Timeout), "ensuring the team repository", "timed out" },
        { FaultRule.Always("PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", FaultKind.SecondaryRateLimit), "granting the team access", "secondary rate limit" },
        { FaultRule.Always("POST /repos/{template_owner}/{template_repo}/generate", FaultKind.Forbidden), "ensuring the team repository", "Resource not accessible by integration" },
        { new FaultRule(FaultKind.PrimaryRateLimit) { Operation = "POST /repos/{owner}/{repo}/git/trees", ResetAfter = TimeSpan.FromHours(2) }, "committing to branch onboarding/ingest", "the limit resets at" },
        { FaultRule.On("POST /repos/{owner}/{repo}/pulls", FaultKind.Timeout), "opening the pull request", "not re-sent" },
    };

    [Theory]
    [MemberData(nameof(Fatal))]
    public async Task When_retries_run_out_the_run_exits_3_and_the_issue_says_which_step_failed(FaultRule fault, string step, string error)
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest");
        world.Server.InjectFault(fault);
        world.AttemptTimeout = fault.Kind == FaultKind.Timeout ? TimeSpan.FromSeconds(1) : world.AttemptTimeout;

        var result = world.Run(world.WriteEvent(issue));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"failed while {step}", result.Error, StringComparison.Ordinal);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
        Assert.True(world.Server.Requests.Count(fault.Operation!) <= 5, world.Server.Requests.Table());
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains($"Onboarding failed while {step}", comment.Body, StringComparison.Ordinal);
        Assert.Contains("removes the label `onboarding-approved` and applies it again", comment.Body, StringComparison.Ordinal);
        Assert.Contains("onboarding-failed", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);
    }
}
