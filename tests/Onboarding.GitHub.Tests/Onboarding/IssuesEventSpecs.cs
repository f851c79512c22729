using Onboarding.GitHub.Onboarding;

namespace Onboarding.GitHub.Tests.Onboarding;

public sealed class IssuesEventSpecs
{
    [Fact]
    public void A_labeled_event_gives_the_label_the_labeler_and_the_body_as_approved()
    {
        var parsed = IssuesEvent.Parse("""
            {"action":"labeled","label":{"name":"onboarding-approved"},"sender":{"login":"maria"},
             "issue":{"number":7,"body":"### Team name\r\n\r\nx","user":{"login":"dana"},"author_association":"OWNER"},
             "repository":{"full_name":"acme/platform","default_branch":"trunk"}}
            """);

        Assert.Equal(new IssuesEvent("labeled", "onboarding-approved", "maria", 7, "### Team name\r\n\r\nx", false, "trunk"), parsed);
    }

    [Fact]
    public void An_issue_without_a_body_reads_as_an_empty_body()
    {
        var parsed = IssuesEvent.Parse("""{"action":"labeled","issue":{"number":1,"body":null}}""");

        Assert.Equal(string.Empty, parsed.IssueBody);
        Assert.Null(parsed.LabelName);
    }

    [Theory]
    [InlineData("{}", "no issue with a number")]
    [InlineData("""{"issue":{"number":"7"}}""", "no issue with a number")]
    [InlineData("""{"pull_request":{"number":7}}""", "'issues' events")]
    [InlineData("not json", "not JSON")]
    public void Anything_but_an_issues_event_is_refused_with_the_reason(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => IssuesEvent.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("maintain", "write", "maintain", true)]
    [InlineData("write", "write", "maintain", false)]
    [InlineData("triage", "read", "write", false)]
    [InlineData("admin", "admin", "maintain", true)]
    [InlineData("deployer", "write", "write", true)]
    [InlineData("auditor", "read", "write", false)]
    [InlineData("none", "none", "write", false)]
    public void The_labeler_is_ranked_by_role_and_a_custom_role_by_its_base_permission(string role, string permission, string required, bool approves)
    {
        Assert.Equal(approves, PermissionLevel.Of(role, permission) >= PermissionLevel.Rank(required));
    }
}
