namespace Onboarding.Testing.FakeGitHub;

/// <summary>An issue, or a pull request when <see cref="Pull"/> is set.</summary>
public sealed class FakeIssue
{
    internal FakeIssue(long id, int number, string title, string? body, string author, DateTimeOffset createdAt)
    {
        Id = id;
        Number = number;
        Title = title;
        Body = body;
        Author = author;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; }

    public int Number { get; }

    public string Title { get; set; }

    public string? Body { get; set; }

    public string Author { get; }

    public string State { get; set; } = "open";

    public string? StateReason { get; set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<string> Labels { get; } = [];

    public List<FakeComment> Comments { get; } = [];

    public FakePullRequest? Pull { get; internal set; }
}
