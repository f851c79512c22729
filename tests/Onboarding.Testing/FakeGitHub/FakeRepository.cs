namespace Onboarding.Testing.FakeGitHub;

/// <summary>One repository of the fake: settings, git data, issues and pull requests (which share numbers, as on GitHub).</summary>
public sealed class FakeRepository
{
    internal FakeRepository(long id, string owner, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Owner = owner;
        Name = name;
        CreatedAt = createdAt;
    }

    public long Id { get; }

    public string Owner { get; }

    public string Name { get; }

    public string FullName => $"{Owner}/{Name}";

    public string Visibility { get; set; } = "private";

    public bool Private => Visibility != "public";

    public bool IsTemplate { get; set; }

    public bool Archived { get; set; }

    public string? Description { get; set; }

    public string DefaultBranch { get; set; } = "main";

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; set; }

    public FakeRepository? TemplateRepository { get; internal set; }

    public GitObjectStore Objects { get; } = new();

    /// <summary>Full ref name (refs/heads/main) → commit SHA.</summary>
    public Dictionary<string, string> Refs { get; } = new(StringComparer.Ordinal);

    public List<FakeIssue> Issues { get; } = [];

    /// <summary>Label name (case-insensitive, as on GitHub) → label.</summary>
    public Dictionary<string, FakeLabel> Labels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Login → role: admin, maintain, write, triage, read or a custom role.</summary>
    public Dictionary<string, string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set while the contents of a repository generated from a template are still being copied.</summary>
    internal PendingContents? Pending { get; set; }

    internal int NextNumber { get; set; } = 1;
}
