namespace Onboarding.Testing.FakeGitHub;

public sealed class FakeComment(long id, int issueNumber, string body, string author, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public int IssueNumber { get; } = issueNumber;

    public string Body { get; set; } = body;

    public string Author { get; } = author;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}
