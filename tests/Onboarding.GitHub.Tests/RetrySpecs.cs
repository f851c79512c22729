using Onboarding.GitHub.Tests.Utils;
using Onboarding.Testing.FakeGitHub;

namespace Onboarding.GitHub.Tests;

public sealed class RetrySpecs : GitHubSpec
{
    private const string GetRepository = "GET /repos/{owner}/{repo}";
    private const string CreateComment = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

    private static readonly TimeSpan[] NoWaits = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedRepository("platform");
        Server.State.AddIssue(Org, "platform", "Onboard analytics", "body");
    }

    [Theory]
    [InlineData(FaultKind.InternalServerError)]
    [InlineData(FaultKind.BadGateway)]
    [InlineData(FaultKind.ConnectionReset)]
    public async Task A_read_that_fails_transiently_is_retried_with_doubling_backoff(FaultKind fault)
    {
        Server.InjectFault(FaultRule.On(GetRepository, fault, times: 3));

        var repository = await Client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal("platform", repository?.Name);
        Assert.Equal(4, Server.Requests.Count(GetRepository));
        Assert.Equal([1, 2, 4], Clock.Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.Timeout));
        var client = CreateClient(options => Copy(options, attemptTimeout: TimeSpan.FromSeconds(1)));

        var repository = await client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal("platform", repository?.Name);
        Assert.Equal(2, Server.Requests.Count(GetRepository));
        Assert.Equal([TimeSpan.FromSeconds(1)], Clock.Waits);
    }

    [Fact]
    public async Task Jitter_adds_at_most_a_quarter_of_each_backoff()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.BadGateway, times: 4));
        var client = CreateClient(options => Copy(options, jitter: () => 0.999));

        await client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal(4, Clock.Waits.Count);
        Assert.All(Clock.Waits.Zip([1, 2, 4, 8]), pair => Assert.InRange(pair.First.TotalSeconds, pair.Second * 1.24, pair.Second * 1.25));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_stops_after_the_bounded_tries_with_a_clear_error()
    {
        Server.InjectFault(FaultRule.Always(GetRepository, FaultKind.BadGateway));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Equal(5, Server.Requests.Count(GetRepository));
        Assert.Equal([1, 2, 4, 8], Clock.Waits.Select(wait => wait.TotalSeconds));
        Assert.Equal(GitHubErrorReason.Unavailable, error.Reason);
        Assert.Equal(5, error.Attempts);
        Assert.StartsWith("GitHub API GET /repos/{owner}/{repo} failed with HTTP 502 after 5 tries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_whose_connection_keeps_dropping_stops_after_the_bounded_tries()
    {
        Server.InjectFault(FaultRule.Always(GetRepository, FaultKind.ConnectionReset));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Null(error.StatusCode);
        Assert.Equal(5, Server.Requests.Count(GetRepository));
        Assert.Equal("GitHub API GET /repos/{owner}/{repo} failed with no response after 5 tries: connection failed", error.Message);
    }

    [Theory]
    [InlineData(FaultKind.InternalServerError, false)]
    [InlineData(FaultKind.BadGateway, true)]
    [InlineData(FaultKind.ConnectionReset, true)]
    public async Task A_POST_that_fails_transiently_is_not_sent_again_and_says_its_outcome_is_unknown(FaultKind fault, bool tookEffect)
    {
        Server.InjectFault(FaultRule.On(CreateComment, fault) with { AfterProcessing = tookEffect });

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.CreateIssueCommentAsync(Org, "platform", 1, "hello", Ct));

        Assert.Equal(1, Server.Requests.Count(CreateComment));
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("not re-sent: check whether it took effect", error.Message, StringComparison.Ordinal);
        Assert.Equal(tookEffect ? 1 : 0, Server.State.Comments(Org, "platform", 1).Count);
        Assert.Equal(NoWaits, Clock.Waits);
    }

    [Fact]
    public async Task A_POST_that_times_out_is_not_sent_again()
    {
        Server.InjectFault(FaultRule.On(CreateComment, FaultKind.Timeout));
        var client = CreateClient(options => Copy(options, attemptTimeout: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.CreateIssueCommentAsync(Org, "platform", 1, "hello", Ct));

        Assert.Equal(1, Server.Requests.Count(CreateComment));
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("timed out after 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_that_is_no_rate_limit_is_a_permission_problem_and_not_retried()
    {
        Server.InjectFault(FaultRule.On("POST /orgs/{org}/repos", FaultKind.Forbidden));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            Client.CreateOrganizationRepositoryAsync(Org, new Models.CreateRepositoryRequest("x", "private", true, null), Ct));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(GitHubErrorReason.Other, error.Reason);
        Assert.Equal(1, Server.Requests.Count("POST /orgs/{org}/repos"));
        Assert.Contains("Resource not accessible by integration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_credentials_are_not_retried()
    {
        var client = CreateClient(options => options);
        Server.Token = "ghs_another_token_than_the_clients";

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(1, Server.Requests.Count(GetRepository));
        Assert.Contains("Bad credentials", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secondary_rate_limit_with_retry_after_waits_exactly_that_long()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.SecondaryRateLimit) with { RetryAfter = TimeSpan.FromSeconds(37) });

        await Client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal([TimeSpan.FromSeconds(37)], Clock.Waits);
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_waits_a_minute_then_doubles()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.SecondaryRateLimit, times: 3));

        await Client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal([60, 120, 240], Clock.Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_a_minute_and_one_with_it_waits_as_told()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.TooManyRequests));
        Server.InjectFault(new FaultRule(FaultKind.TooManyRequests) { Operation = GetRepository, FirstOccurrence = 2, RetryAfter = TimeSpan.FromSeconds(5) });

        await Client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal([60, 5], Clock.Waits.Select(wait => wait.TotalSeconds));
    }

    [Fact]
    public async Task An_exhausted_primary_rate_limit_waits_until_the_reset_time()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.PrimaryRateLimit) with { ResetAfter = TimeSpan.FromSeconds(754) });

        await Client.GetRepositoryAsync(Org, "platform", Ct);

        Assert.Equal([TimeSpan.FromSeconds(754)], Clock.Waits);
        Assert.Equal(2, Server.Requests.Count(GetRepository));
    }

    [Fact]
    public async Task A_primary_rate_limit_that_resets_beyond_the_longest_wait_fails_at_once_naming_the_reset_time()
    {
        Server.InjectFault(FaultRule.On(GetRepository, FaultKind.PrimaryRateLimit) with { ResetAfter = TimeSpan.FromMinutes(47) });

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Equal(GitHubErrorReason.RateLimited, error.Reason);
        Assert.Equal(1, Server.Requests.Count(GetRepository));
        Assert.Empty(Clock.Waits);
        Assert.EndsWith("API rate limit exceeded for installation. (the limit resets at 2026-01-01 00:47:00Z)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_limited_POST_was_refused_not_processed_so_it_is_sent_again()
    {
        Server.InjectFault(FaultRule.On(CreateComment, FaultKind.SecondaryRateLimit) with { RetryAfter = TimeSpan.FromSeconds(90) });

        await Client.CreateIssueCommentAsync(Org, "platform", 1, "hello", Ct);

        Assert.Equal(2, Server.Requests.Count(CreateComment));
        Assert.Single(Server.State.Comments(Org, "platform", 1));
        Assert.Equal([TimeSpan.FromSeconds(90)], Clock.Waits);
    }

    [Fact]
    public async Task A_rate_limit_that_outlasts_the_tries_fails_naming_the_limit()
    {
        Server.InjectFault(FaultRule.Always(GetRepository, FaultKind.SecondaryRateLimit));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => Client.GetRepositoryAsync(Org, "platform", Ct));

        Assert.Equal(GitHubErrorReason.RateLimited, error.Reason);
        Assert.Equal([60, 120, 240, 480], Clock.Waits.Select(wait => wait.TotalSeconds));
        Assert.Contains("after 5 tries: You have exceeded a secondary rate limit", error.Message, StringComparison.Ordinal);
    }

    private static GitHubClientOptions Copy(GitHubClientOptions options, TimeSpan? attemptTimeout = null, Func<double>? jitter = null) => new()
    {
        BaseAddress = options.BaseAddress,
        Token = options.Token,
        Log = options.Log,
        Jitter = jitter ?? options.Jitter,
        AttemptTimeout = attemptTimeout ?? options.AttemptTimeout,
    };
}
