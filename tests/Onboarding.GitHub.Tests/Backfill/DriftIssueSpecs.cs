using Onboarding.GitHub.Drift;
using Onboarding.GitHub.Onboarding;
using Onboarding.GitHub.Tests.Utils;

namespace Onboarding.GitHub.Tests.Backfill;

/// <summary>The sticky drift issue: found by label and title, open or closed; never a second one; user text in it stays inert.</summary>
public sealed class DriftIssueSpecs : GitHubSpec
{
    private static readonly DriftFinding[] Findings =
    [
        new("analytics", "analytics", null, "repository acme/airflow-analytics is archived", "unarchive it"),
        new("analytics", "analytics", "dev", "tracking_ref develop is no branch or tag of acme/airflow-analytics", "create it"),
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedRepository("platform");
    }

    [Fact]
    public async Task A_closed_drift_issue_is_reopened_with_the_new_table_and_an_unrelated_labelled_issue_is_left_alone()
    {
        var old = Server.State.AddIssue(Org, "platform", DriftIssue.Title, "old table", [DriftIssue.Label]);
        old.State = "closed";
        var other = Server.State.AddIssue(Org, "platform", "Why is there drift?", "a question", [DriftIssue.Label]);

        var (action, issue) = await Sync(Findings);

        Assert.Equal(DriftIssueAction.Reopened, action);
        Assert.Equal(old.Number, issue!.Number);
        Assert.Equal("open", old.State);
        Assert.Contains("| `analytics` | `analytics` | `dev` | tracking\\_ref develop is no branch or tag of acme/airflow-analytics | create it |", old.Body, StringComparison.Ordinal);
        Assert.Equal("a question", other.Body);
        Assert.Equal("open", other.State);
        Assert.Equal(["PATCH /repos/{owner}/{repo}/issues/{issue_number}"], Server.Requests.All.Where(r => r.IsMutating).Select(r => r.Operation));
    }

    [Fact]
    public async Task The_same_findings_again_send_no_write_and_no_drift_without_an_open_issue_sends_none_either()
    {
        await Sync(Findings);
        var writes = Server.Requests.MutatingCount;

        var (again, _) = await Sync(Findings);
        Assert.Equal(DriftIssueAction.None, again);
        Assert.Equal(1, writes);
        Assert.Equal(writes, Server.Requests.MutatingCount);

        Server.State.Repositories.Single(r => r.Name == "platform").Issues.Single().State = "closed";
        var (clean, _) = await Sync([]);
        Assert.Equal(DriftIssueAction.None, clean);
        Assert.Equal(writes, Server.Requests.MutatingCount);
    }

    [Fact]
    public void Text_from_team_files_in_the_table_cannot_mention_anyone_or_embed_html()
    {
        var body = DriftIssue.Body([new DriftFinding("ops", "ops", "prod", "tracking_ref @acme/everyone<img src=x> is no branch or tag | of acme/x", "fix it")], "main");

        Assert.DoesNotContain("@acme", body, StringComparison.Ordinal);
        Assert.Contains("\\<img", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)<img", body);
        Assert.Single(body.Split('\n'), line => line.StartsWith("| `ops`", StringComparison.Ordinal) && line.Split(" | ").Length == 5);
    }

    private Task<(DriftIssueAction Action, Models.Issue? Issue)> Sync(IReadOnlyList<DriftFinding> findings) =>
        new DriftIssue(Client, new CallJournal(dryRun: false), Org, "platform").SyncAsync(findings, "main", Ct);
}
