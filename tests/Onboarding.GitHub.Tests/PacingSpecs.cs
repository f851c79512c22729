using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests;

public sealed class PacingSpecs : GitHubSpec
{
    private const string CreateComment = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedRepository("platform");
        Server.State.AddIssue(Org, "platform", "Onboard analytics", "body");
    }

    [Fact]
    public async Task Mutating_calls_go_out_at_least_a_second_apart_while_reads_are_not_held_back()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.GetIssueAsync(Org, "platform", 1, Ct);
            await Client.CreateIssueCommentAsync(Org, "platform", 1, $"comment {i}", Ct);
        }

        var sent = Server.Requests.All.Where(request => request.Operation == CreateComment).Select(request => request.At).ToList();
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second - pair.First));
        Assert.Equal(Enumerable.Repeat(TimeSpan.FromSeconds(1), 4), Clock.Waits);
    }

    [Fact]
    public async Task Concurrent_mutating_calls_are_sent_one_at_a_time()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Client.CreateIssueCommentAsync(Org, "platform", 1, $"comment {i}", Ct)));

        var sent = Server.Requests.All.Where(request => request.Operation == CreateComment).Select(request => request.At).Order().ToList();
        Assert.Equal(10, Server.State.Comments(Org, "platform", 1).Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"{pair.First:O} then {pair.Second:O}"));
    }

    [Fact]
    public async Task No_more_than_80_content_creating_requests_go_out_in_any_rolling_minute()
    {
        var client = CreateClient(options => new GitHubClientOptions
        {
            BaseAddress = options.BaseAddress,
            Token = options.Token,
            MinimumMutationInterval = TimeSpan.Zero,
        });

        for (var i = 0; i < 200; i++)
        {
            await client.CreateIssueCommentAsync(Org, "platform", 1, $"comment {i}", Ct);
        }

        var sent = Server.Requests.All.Where(request => request.Operation == CreateComment).Select(request => request.At).ToList();
        var busiestMinute = sent.Max(start => sent.Count(at => at >= start && at < start + TimeSpan.FromMinutes(1)));
        Assert.Equal(200, sent.Count);
        Assert.Equal(80, busiestMinute);
        Assert.Equal([60, 60], Clock.Waits.Select(wait => wait.TotalSeconds));
    }
}
