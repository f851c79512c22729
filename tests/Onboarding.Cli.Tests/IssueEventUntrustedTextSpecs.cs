using Markdig;
using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>Issue text written to fool the runner or the readers of the bot's comment stays inert in the log, the comment and the pull request.</summary>
public sealed class IssueEventUntrustedTextSpecs
{
    private const string Hostile = "::add-mask::Onboarding\n::error file=action.yml,line=1::fake\n@org/everyone please look\n<img src=https://evil/x>";

    [Fact]
    public async Task Hostile_text_in_a_valid_request_reaches_neither_the_log_nor_the_markdown_raw()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.InActions = true;
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest", description: Hostile);

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        AssertOnlyOwnWorkflowCommands(world, result);
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Contains("please look", pull.Body, StringComparison.Ordinal);
        AssertInert(pull.Body!);
        AssertInert(Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body);
        Assert.Contains("please look", world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/ingest")["teams/ingest.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_links_mentions_and_invisible_characters_in_a_request_stay_inert_in_the_pull_request_and_the_comment()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("ingest", "ingest-eng", "airflow-ingest", description: InertMarkdown.LiveText);

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.ToString());
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Contains("4242", pull.Body, StringComparison.Ordinal);
        InertMarkdown.AssertInert(pull.Body!, InertMarkdown.LiveTokens);
        InertMarkdown.AssertInert(Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body, InertMarkdown.LiveTokens);
        Assert.Contains(InertMarkdown.LiveTokens[^1], world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, "onboarding/ingest")["teams/ingest.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_in_an_invalid_request_is_quoted_inert_in_the_problem_comment()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.InActions = true;
        var issue = world.State.AddIssue(OnboardingWorld.Org, OnboardingWorld.Platform, "Onboard team",
            OnboardingWorld.IssueBody("::error file=action.yml,line=1::fake", "@org/everyone please look", "<img src=https://evil/x>", description: Hostile),
            ["onboarding", OnboardingWorld.ApprovalLabel]);

        var result = world.Run(world.WriteEvent(issue));

        Assert.Equal(1, result.ExitCode);
        AssertOnlyOwnWorkflowCommands(world, result);
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body;
        Assert.Contains("**Team name**", comment, StringComparison.Ordinal);
        Assert.Contains("**GitHub team**", comment, StringComparison.Ordinal);
        Assert.Contains("**Repository**", comment, StringComparison.Ordinal);
        AssertInert(comment);
    }

    /// <summary>The one workflow command in the log is the tool's own mask of the token.</summary>
    private static void AssertOnlyOwnWorkflowCommands(OnboardingWorld world, CliOutcome result)
    {
        var commands = (result.Out + "\n" + result.Error).Split('\n').Where(line => line.TrimStart().StartsWith("::", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"::add-mask::{world.Token}"], commands);
        Assert.DoesNotContain("::add-mask::Onboarding", result.Out + result.Error, StringComparison.Ordinal);
    }

    /// <summary>Rendered as GitHub would, the Markdown has no image, no HTML from the issue and no live mention.</summary>
    private static void AssertInert(string markdown)
    {
        var html = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@org/everyone", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(^|\n)\s*::", markdown.Replace("<!-- onboard:issue -->", string.Empty, StringComparison.Ordinal));
    }
}
