using System.Text;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// Everything the fake GitHub knows: organisations, users, teams, repositories. Tests seed it before
/// the code under test runs and read it afterwards; the server changes it under <see cref="Sync"/>.
/// Names are case-insensitive, as on GitHub.
/// </summary>
public sealed class FakeGitHubState(TimeProvider clock)
{
    public const string BotLogin = "onboard-bot[bot]";

    private readonly Dictionary<string, long> accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> organizations = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeTeam> teams = [];
    private readonly List<FakeRepository> repositories = [];
    private long nextId = 1000;

    public Lock Sync { get; } = new();

    public TimeProvider Clock { get; } = clock;

    /// <summary>How many requests to a repository generated from a template see it still empty.</summary>
    public int GeneratedContentsAfterRequests { get; set; }

    /// <summary>How long (on the fake's clock) a repository generated from a template stays empty.</summary>
    public TimeSpan GeneratedContentsAfter { get; set; }

    public FakeGitHubState AddOrganization(string login)
    {
        lock (Sync)
        {
            organizations.Add(login);
            AccountId(login);
            return this;
        }
    }

    public FakeGitHubState AddUser(string login)
    {
        lock (Sync)
        {
            AccountId(login);
            return this;
        }
    }

    public FakeTeam AddTeam(string org, string slug, string? name = null)
    {
        lock (Sync)
        {
            var team = new FakeTeam(NewId(), org, slug, name ?? slug);
            teams.Add(team);
            return team;
        }
    }

    /// <summary>Deletes a team, as an organization owner can at any time.</summary>
    public void RemoveTeam(string org, string slug)
    {
        lock (Sync)
        {
            teams.RemoveAll(team => string.Equals(team.Org, org, StringComparison.OrdinalIgnoreCase) && string.Equals(team.Slug, slug, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Without files the repository is empty, with no refs at all (as GitHub creates it without auto_init);
    /// with files it has one commit on the default branch.
    /// </summary>
    public FakeRepository AddRepository(string owner, string name, IReadOnlyDictionary<string, string>? files = null, string visibility = "private", bool isTemplate = false)
    {
        lock (Sync)
        {
            var repository = CreateRepository(owner, name, visibility);
            repository.IsTemplate = isTemplate;
            if (files is not null)
            {
                CommitFiles(repository, repository.DefaultBranch, files.ToDictionary(file => file.Key, file => Encoding.UTF8.GetBytes(file.Value), StringComparer.Ordinal), "Initial commit");
            }

            return repository;
        }
    }

    public FakeRepository AddTemplateRepository(string owner, string name, IReadOnlyDictionary<string, string> files) =>
        AddRepository(owner, name, files, isTemplate: true);

    /// <summary><paramref name="role"/>: admin, maintain, write, triage, read or a custom role name.</summary>
    public FakeGitHubState SetCollaboratorRole(string owner, string repo, string login, string role)
    {
        lock (Sync)
        {
            AccountId(login);
            Repository(owner, repo).Collaborators[login] = role;
            return this;
        }
    }

    public FakeIssue AddIssue(string owner, string repo, string title, string body, IEnumerable<string>? labels = null, string author = "octocat")
    {
        lock (Sync)
        {
            AccountId(author);
            var repository = Repository(owner, repo);
            var issue = NewIssue(repository, title, body, author);
            foreach (var label in labels ?? [])
            {
                AddLabel(repository, issue, label);
            }

            return issue;
        }
    }

    /// <summary>An open pull request from <paramref name="head"/> into <paramref name="baseBranch"/>, as if someone had opened it earlier.</summary>
    public FakeIssue AddPullRequest(string owner, string repo, string head, string baseBranch, string title, string body, IEnumerable<string>? labels = null, string author = BotLogin)
    {
        lock (Sync)
        {
            var repository = Repository(owner, repo);
            var pull = NewIssue(repository, title, body, author);
            pull.Pull = new FakePullRequest(NewId(), repository.Owner, head, baseBranch);
            foreach (var label in labels ?? [])
            {
                AddLabel(repository, pull, label);
            }

            return pull;
        }
    }

    public FakeComment AddComment(string owner, string repo, int issueNumber, string body, string author = "octocat")
    {
        lock (Sync)
        {
            AccountId(author);
            var issue = Repository(owner, repo).Issues.Single(candidate => candidate.Number == issueNumber);
            var comment = new FakeComment(NewId(), issueNumber, body, author, Clock.GetUtcNow());
            issue.Comments.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<FakeRepository> Repositories
    {
        get
        {
            lock (Sync)
            {
                return [.. repositories];
            }
        }
    }

    public FakeRepository? FindRepository(string owner, string name)
    {
        lock (Sync)
        {
            return repositories.FirstOrDefault(repository =>
                string.Equals(repository.Owner, owner, StringComparison.OrdinalIgnoreCase)
                && string.Equals(repository.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    public FakeTeam? FindTeam(string org, string slug)
    {
        lock (Sync)
        {
            return teams.FirstOrDefault(team =>
                string.Equals(team.Org, org, StringComparison.OrdinalIgnoreCase)
                && string.Equals(team.Slug, slug, StringComparison.OrdinalIgnoreCase));
        }
    }

    public bool IsOrganization(string login)
    {
        lock (Sync)
        {
            return organizations.Contains(login);
        }
    }

    public bool IsKnownAccount(string login)
    {
        lock (Sync)
        {
            return accounts.ContainsKey(login);
        }
    }

    /// <summary>The commit SHA a branch points at, or null.</summary>
    public string? BranchSha(string owner, string repo, string branch)
    {
        lock (Sync)
        {
            return Repository(owner, repo).Refs.GetValueOrDefault($"refs/heads/{branch}");
        }
    }

    /// <summary>Every file (path → UTF-8 text) on a branch; empty when the branch does not exist.</summary>
    public IReadOnlyDictionary<string, string> FilesAt(string owner, string repo, string branch)
    {
        lock (Sync)
        {
            var repository = Repository(owner, repo);
            if (!repository.Refs.TryGetValue($"refs/heads/{branch}", out var sha) || !repository.Objects.TryGetCommit(sha, out var commit))
            {
                return new Dictionary<string, string>();
            }

            return repository.Objects.Flatten(commit.Tree).ToDictionary(
                file => file.Key,
                file => repository.Objects.TryGetBlob(file.Value.Sha, out var content) ? Encoding.UTF8.GetString(content) : string.Empty,
                StringComparer.Ordinal);
        }
    }

    public IReadOnlyList<FakeIssue> PullRequests(string owner, string repo)
    {
        lock (Sync)
        {
            return [.. Repository(owner, repo).Issues.Where(issue => issue.Pull is not null)];
        }
    }

    public FakeIssue Issue(string owner, string repo, int number)
    {
        lock (Sync)
        {
            return Repository(owner, repo).Issues.Single(issue => issue.Number == number);
        }
    }

    public IReadOnlyList<FakeComment> Comments(string owner, string repo, int issueNumber)
    {
        lock (Sync)
        {
            return [.. Issue(owner, repo, issueNumber).Comments];
        }
    }

    internal FakeRepository Repository(string owner, string name) =>
        FindRepository(owner, name) ?? throw new InvalidOperationException($"The fake GitHub has no repository {owner}/{name}.");

    internal long NewId() => Interlocked.Increment(ref nextId);

    internal long AccountId(string login)
    {
        if (!accounts.TryGetValue(login, out var id))
        {
            id = NewId();
            accounts[login] = id;
        }

        return id;
    }

    internal IEnumerable<FakeTeam> TeamsOf(string org) =>
        teams.Where(team => string.Equals(team.Org, org, StringComparison.OrdinalIgnoreCase));

    internal FakeRepository CreateRepository(string owner, string name, string visibility)
    {
        AccountId(owner);
        var now = Clock.GetUtcNow();
        var repository = new FakeRepository(NewId(), owner, name, now) { Visibility = visibility, UpdatedAt = now };
        repositories.Add(repository);
        return repository;
    }

    internal FakeIssue NewIssue(FakeRepository repository, string title, string? body, string author)
    {
        AccountId(author);
        var issue = new FakeIssue(NewId(), repository.NextNumber++, title, body, author, Clock.GetUtcNow());
        repository.Issues.Add(issue);
        return issue;
    }

    internal FakeLabel AddLabel(FakeRepository repository, FakeIssue issue, string name)
    {
        if (!repository.Labels.TryGetValue(name, out var label))
        {
            label = new FakeLabel(NewId(), name, "ededed");
            repository.Labels[name] = label;
        }

        if (!issue.Labels.Contains(label.Name, StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label.Name);
        }

        return label;
    }

    /// <summary>One commit with exactly these files on top of the branch (or as its first commit); moves the branch.</summary>
    internal string CommitFiles(FakeRepository repository, string branch, IReadOnlyDictionary<string, byte[]> files, string message)
    {
        var entries = files.ToDictionary(file => file.Key, file => ("100644", repository.Objects.AddBlob(file.Value)), StringComparer.Ordinal);
        var tree = repository.Objects.WriteTree(entries);
        var refName = $"refs/heads/{branch}";
        var parents = repository.Refs.TryGetValue(refName, out var head) ? new[] { head } : [];
        var commit = repository.Objects.WriteCommit(tree, parents, message, new GitSignature("GitHub", "noreply@github.com", Clock.GetUtcNow()));
        repository.Refs[refName] = commit;
        return commit;
    }

    /// <summary>Counts a request against a generated repository and copies the template files once it is time.</summary>
    internal void Touch(FakeRepository repository)
    {
        if (repository.Pending is not { } pending)
        {
            return;
        }

        if (pending.RequestsLeft > 0 || Clock.GetUtcNow() < pending.ReadyAt)
        {
            repository.Pending = pending with { RequestsLeft = pending.RequestsLeft - 1 };
            return;
        }

        repository.Pending = null;
        CommitFiles(repository, repository.DefaultBranch, pending.Files, "Initial commit");
    }
}
