using Onboarding.GitHub.Onboarding;
using Onboarding.Testing;

namespace Onboarding.GitHub.Tests.Onboarding;

/// <summary>The sticky comment quotes what failed (GitHub's own message may echo request data) without making any of it live.</summary>
public sealed class IssueCommentTextSpecs
{
    [Fact]
    public void A_failure_message_echoing_references_links_and_invisible_characters_is_quoted_inert()
    {
        var comment = IssueCommentText.Failed("creating the repository", "HTTP 422: " + InertMarkdown.LiveText, "onboarding-approved");

        Assert.Contains("HTTP 422", comment, StringComparison.Ordinal);
        InertMarkdown.AssertInert(comment, InertMarkdown.LiveTokens);
    }
}
