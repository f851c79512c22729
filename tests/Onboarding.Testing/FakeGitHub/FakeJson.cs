using System.Globalization;
using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// The JSON the fake answers with: every field GitHub's OpenAPI description marks as required, with
/// values that are plausible for the fake's state (checked by <see cref="OpenApiChecker"/>).
/// </summary>
internal static class FakeJson
{
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string NodeId(string kind, long id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{kind}:{id}"));

    public static JsonObject User(FakeGitHubState state, FakeUrls urls, string login, bool isOrganization = false)
    {
        var id = state.AccountId(login);
        var api = $"{urls.Api}/users/{login}";
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("User", id),
            ["avatar_url"] = $"{urls.Web}/avatars/{login}",
            ["gravatar_id"] = string.Empty,
            ["url"] = api,
            ["html_url"] = $"{urls.Web}/{login}",
            ["followers_url"] = $"{api}/followers",
            ["following_url"] = $"{api}/following{{/other_user}}",
            ["gists_url"] = $"{api}/gists{{/gist_id}}",
            ["starred_url"] = $"{api}/starred{{/owner}}{{/repo}}",
            ["subscriptions_url"] = $"{api}/subscriptions",
            ["organizations_url"] = $"{api}/orgs",
            ["repos_url"] = $"{api}/repos",
            ["events_url"] = $"{api}/events{{/privacy}}",
            ["received_events_url"] = $"{api}/received_events",
            ["type"] = isOrganization || state.IsOrganization(login) ? "Organization" : login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
            ["site_admin"] = false,
        };
    }

    public static JsonObject Repository(FakeGitHubState state, FakeUrls urls, FakeRepository repository, bool withTemplate = true)
    {
        var api = $"{urls.Api}/repos/{repository.FullName}";
        var json = new JsonObject
        {
            ["id"] = repository.Id,
            ["node_id"] = NodeId("Repository", repository.Id),
            ["name"] = repository.Name,
            ["full_name"] = repository.FullName,
            ["owner"] = User(state, urls, repository.Owner),
            ["private"] = repository.Private,
            ["visibility"] = repository.Visibility,
            ["html_url"] = $"{urls.Web}/{repository.FullName}",
            ["description"] = repository.Description,
            ["fork"] = false,
            ["url"] = api,
            ["homepage"] = null,
            ["language"] = null,
            ["forks"] = 0,
            ["forks_count"] = 0,
            ["stargazers_count"] = 0,
            ["watchers"] = 0,
            ["watchers_count"] = 0,
            ["size"] = 0,
            ["default_branch"] = repository.DefaultBranch,
            ["open_issues"] = repository.Issues.Count(issue => issue.State == "open"),
            ["open_issues_count"] = repository.Issues.Count(issue => issue.State == "open"),
            ["is_template"] = repository.IsTemplate,
            ["topics"] = new JsonArray(),
            ["has_issues"] = true,
            ["has_projects"] = true,
            ["has_wiki"] = true,
            ["has_pages"] = false,
            ["has_downloads"] = true,
            ["has_discussions"] = false,
            ["archived"] = repository.Archived,
            ["disabled"] = false,
            ["mirror_url"] = null,
            ["license"] = null,
            ["pushed_at"] = Time(repository.UpdatedAt),
            ["created_at"] = Time(repository.CreatedAt),
            ["updated_at"] = Time(repository.UpdatedAt),
            ["permissions"] = new JsonObject { ["admin"] = true, ["maintain"] = true, ["push"] = true, ["triage"] = true, ["pull"] = true },
            ["network_count"] = 0,
            ["subscribers_count"] = 0,
            ["clone_url"] = $"{urls.Web}/{repository.FullName}.git",
            ["git_url"] = $"git://{new Uri(urls.Web).Authority}/{repository.FullName}.git",
            ["ssh_url"] = $"git@{new Uri(urls.Web).Host}:{repository.FullName}.git",
            ["svn_url"] = $"{urls.Web}/{repository.FullName}",
        };
        foreach (var (name, suffix) in RepositoryLinks)
        {
            json[name] = api + suffix;
        }

        if (withTemplate && repository.TemplateRepository is { } template)
        {
            json["template_repository"] = Repository(state, urls, template, withTemplate: false);
        }

        return json;
    }

    public static JsonObject Team(FakeGitHubState state, FakeUrls urls, FakeTeam team, bool full)
    {
        var api = $"{urls.Api}/organizations/{state.AccountId(team.Org)}/team/{team.Id}";
        var json = new JsonObject
        {
            ["id"] = team.Id,
            ["node_id"] = NodeId("Team", team.Id),
            ["url"] = api,
            ["html_url"] = $"{urls.Web}/orgs/{team.Org}/teams/{team.Slug}",
            ["name"] = team.Name,
            ["slug"] = team.Slug,
            ["description"] = null,
            ["privacy"] = "closed",
            ["notification_setting"] = "notifications_enabled",
            ["permission"] = "pull",
            ["members_url"] = $"{api}/members{{/member}}",
            ["repositories_url"] = $"{api}/repos",
            ["type"] = "organization",
            ["parent"] = null,
        };
        if (full)
        {
            var orgId = state.AccountId(team.Org);
            var orgApi = $"{urls.Api}/orgs/{team.Org}";
            json.Remove("parent");
            json["members_count"] = 0;
            json["repos_count"] = team.RepositoryPermissions.Count;
            json["created_at"] = Time(state.Clock.GetUtcNow());
            json["updated_at"] = Time(state.Clock.GetUtcNow());
            json["organization"] = new JsonObject
            {
                ["login"] = team.Org,
                ["id"] = orgId,
                ["node_id"] = NodeId("Organization", orgId),
                ["url"] = orgApi,
                ["repos_url"] = $"{orgApi}/repos",
                ["events_url"] = $"{orgApi}/events",
                ["hooks_url"] = $"{orgApi}/hooks",
                ["issues_url"] = $"{orgApi}/issues",
                ["members_url"] = $"{orgApi}/members{{/member}}",
                ["public_members_url"] = $"{orgApi}/public_members{{/member}}",
                ["avatar_url"] = $"{urls.Web}/avatars/{team.Org}",
                ["description"] = null,
                ["html_url"] = $"{urls.Web}/{team.Org}",
                ["has_organization_projects"] = true,
                ["has_repository_projects"] = true,
                ["public_repos"] = 0,
                ["public_gists"] = 0,
                ["followers"] = 0,
                ["following"] = 0,
                ["type"] = "Organization",
                ["created_at"] = Time(state.Clock.GetUtcNow()),
                ["updated_at"] = Time(state.Clock.GetUtcNow()),
                ["archived_at"] = null,
            };
        }

        return json;
    }

    public static JsonObject Label(FakeUrls urls, FakeRepository repository, FakeLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = NodeId("Label", label.Id),
        ["url"] = $"{urls.Api}/repos/{repository.FullName}/labels/{Uri.EscapeDataString(label.Name)}",
        ["name"] = label.Name,
        ["description"] = null,
        ["color"] = label.Color,
        ["default"] = false,
    };

    public static JsonArray Labels(FakeUrls urls, FakeRepository repository, FakeIssue issue) =>
        new([.. issue.Labels.Select(name => (JsonNode)Label(urls, repository, repository.Labels[name]))]);

    public static JsonObject Issue(FakeGitHubState state, FakeUrls urls, FakeRepository repository, FakeIssue issue)
    {
        var api = $"{urls.Api}/repos/{repository.FullName}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = NodeId("Issue", issue.Id),
            ["url"] = api,
            ["repository_url"] = $"{urls.Api}/repos/{repository.FullName}",
            ["labels_url"] = $"{api}/labels{{/name}}",
            ["comments_url"] = $"{api}/comments",
            ["events_url"] = $"{api}/events",
            ["html_url"] = $"{urls.Web}/{repository.FullName}/{(issue.Pull is null ? "issues" : "pull")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.StateReason,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(state, urls, issue.Author),
            ["labels"] = Labels(urls, repository, issue),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["closed_at"] = issue.ClosedAt is { } closed ? Time(closed) : null,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["author_association"] = "MEMBER",
        };
        if (issue.Pull is not null)
        {
            var web = $"{urls.Web}/{repository.FullName}/pull/{issue.Number}";
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{urls.Api}/repos/{repository.FullName}/pulls/{issue.Number}",
                ["html_url"] = web,
                ["diff_url"] = $"{web}.diff",
                ["patch_url"] = $"{web}.patch",
                ["merged_at"] = null,
            };
        }

        return json;
    }

    public static JsonObject Comment(FakeGitHubState state, FakeUrls urls, FakeRepository repository, FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = NodeId("IssueComment", comment.Id),
        ["url"] = $"{urls.Api}/repos/{repository.FullName}/issues/comments/{comment.Id}",
        ["html_url"] = $"{urls.Web}/{repository.FullName}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{urls.Api}/repos/{repository.FullName}/issues/{comment.IssueNumber}",
        ["body"] = comment.Body,
        ["user"] = User(state, urls, comment.Author),
        ["created_at"] = Time(comment.CreatedAt),
        ["updated_at"] = Time(comment.UpdatedAt),
        ["author_association"] = "NONE",
    };

    public static JsonObject PullRequest(FakeGitHubState state, FakeUrls urls, FakeRepository repository, FakeIssue issue, bool full)
    {
        var pull = issue.Pull!;
        var api = $"{urls.Api}/repos/{repository.FullName}/pulls/{issue.Number}";
        var web = $"{urls.Web}/{repository.FullName}/pull/{issue.Number}";
        var issueApi = $"{urls.Api}/repos/{repository.FullName}/issues/{issue.Number}";
        var headSha = repository.Refs.GetValueOrDefault($"refs/heads/{pull.HeadRef}") ?? new string('0', 40);
        var json = new JsonObject
        {
            ["url"] = api,
            ["id"] = pull.PullId,
            ["node_id"] = NodeId("PullRequest", pull.PullId),
            ["html_url"] = web,
            ["diff_url"] = $"{web}.diff",
            ["patch_url"] = $"{web}.patch",
            ["issue_url"] = issueApi,
            ["commits_url"] = $"{api}/commits",
            ["review_comments_url"] = $"{api}/comments",
            ["review_comment_url"] = $"{urls.Api}/repos/{repository.FullName}/pulls/comments{{/number}}",
            ["comments_url"] = $"{issueApi}/comments",
            ["statuses_url"] = $"{urls.Api}/repos/{repository.FullName}/statuses/{headSha}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["locked"] = false,
            ["title"] = issue.Title,
            ["user"] = User(state, urls, issue.Author),
            ["body"] = issue.Body,
            ["labels"] = Labels(urls, repository, issue),
            ["milestone"] = null,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Time(closed) : null,
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["requested_reviewers"] = new JsonArray(),
            ["requested_teams"] = new JsonArray(),
            ["head"] = Branch(state, urls, repository, pull.HeadOwner, pull.HeadRef, headSha),
            ["base"] = Branch(state, urls, repository, repository.Owner, pull.BaseRef, repository.Refs.GetValueOrDefault($"refs/heads/{pull.BaseRef}") ?? new string('0', 40)),
            ["_links"] = new JsonObject
            {
                ["self"] = Link(api),
                ["html"] = Link(web),
                ["issue"] = Link(issueApi),
                ["comments"] = Link($"{issueApi}/comments"),
                ["review_comments"] = Link($"{api}/comments"),
                ["review_comment"] = Link($"{urls.Api}/repos/{repository.FullName}/pulls/comments{{/number}}"),
                ["commits"] = Link($"{api}/commits"),
                ["statuses"] = Link($"{urls.Api}/repos/{repository.FullName}/statuses/{headSha}"),
            },
            ["author_association"] = "NONE",
            ["auto_merge"] = null,
            ["draft"] = false,
        };
        if (full)
        {
            json["merged"] = false;
            json["mergeable"] = null;
            json["rebaseable"] = null;
            json["mergeable_state"] = "unknown";
            json["merged_by"] = null;
            json["comments"] = issue.Comments.Count;
            json["review_comments"] = 0;
            json["maintainer_can_modify"] = false;
            json["commits"] = 1;
            json["additions"] = 0;
            json["deletions"] = 0;
            json["changed_files"] = 0;
        }

        return json;
    }

    public static JsonObject GitRef(FakeUrls urls, FakeRepository repository, string refName, string sha) => new()
    {
        ["ref"] = refName,
        ["node_id"] = NodeId("Ref", repository.Id),
        ["url"] = $"{urls.Api}/repos/{repository.FullName}/git/{refName}",
        ["object"] = new JsonObject
        {
            ["type"] = "commit",
            ["sha"] = sha,
            ["url"] = $"{urls.Api}/repos/{repository.FullName}/git/commits/{sha}",
        },
    };

    public static JsonObject GitCommit(FakeUrls urls, FakeRepository repository, GitCommitObject commit)
    {
        var api = $"{urls.Api}/repos/{repository.FullName}/git";
        var signature = new JsonObject { ["name"] = commit.Author.Name, ["email"] = commit.Author.Email, ["date"] = Time(commit.Author.Date) };
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = NodeId("Commit", repository.Id),
            ["url"] = $"{api}/commits/{commit.Sha}",
            ["html_url"] = $"{urls.Web}/{repository.FullName}/commit/{commit.Sha}",
            ["author"] = signature,
            ["committer"] = signature.DeepClone(),
            ["tree"] = new JsonObject { ["sha"] = commit.Tree, ["url"] = $"{api}/trees/{commit.Tree}" },
            ["message"] = commit.Message,
            ["parents"] = new JsonArray([.. commit.Parents.Select(parent => (JsonNode)new JsonObject
            {
                ["sha"] = parent,
                ["url"] = $"{api}/commits/{parent}",
                ["html_url"] = $"{urls.Web}/{repository.FullName}/commit/{parent}",
            })]),
            ["verification"] = new JsonObject { ["verified"] = true, ["reason"] = "valid", ["signature"] = null, ["payload"] = null, ["verified_at"] = Time(commit.Author.Date) },
        };
    }

    public static JsonObject GitTree(FakeUrls urls, FakeRepository repository, string sha, IEnumerable<(string Path, GitTreeItem Item)> entries) => new()
    {
        ["sha"] = sha,
        ["url"] = $"{urls.Api}/repos/{repository.FullName}/git/trees/{sha}",
        ["truncated"] = false,
        ["tree"] = new JsonArray([.. entries.Select(entry => (JsonNode)TreeEntry(urls, repository, entry.Path, entry.Item))]),
    };

    /// <summary>As GitHub sends a blob: base64 with a line break after every 60 characters.</summary>
    public static JsonObject GitBlob(FakeUrls urls, FakeRepository repository, string sha, byte[] content)
    {
        var base64 = Convert.ToBase64String(content);
        var lines = Enumerable.Range(0, (base64.Length + 59) / 60).Select(line => base64.Substring(line * 60, Math.Min(60, base64.Length - (line * 60))));
        return new()
        {
            ["sha"] = sha,
            ["node_id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Blob:{sha}")),
            ["size"] = content.Length,
            ["url"] = $"{urls.Api}/repos/{repository.FullName}/git/blobs/{sha}",
            ["content"] = string.Join('\n', lines) + (base64.Length > 0 ? "\n" : string.Empty),
            ["encoding"] = "base64",
        };
    }

    private static JsonObject TreeEntry(FakeUrls urls, FakeRepository repository, string path, GitTreeItem item)
    {
        var json = new JsonObject
        {
            ["path"] = path,
            ["mode"] = item.Mode,
            ["type"] = item.Type,
            ["sha"] = item.Sha,
            ["url"] = $"{urls.Api}/repos/{repository.FullName}/git/{item.Type}s/{item.Sha}",
        };
        if (item.Type == "blob" && repository.Objects.TryGetBlob(item.Sha, out var content))
        {
            json["size"] = content.Length;
        }

        return json;
    }

    private static JsonObject Branch(FakeGitHubState state, FakeUrls urls, FakeRepository repository, string owner, string branch, string sha) => new()
    {
        ["label"] = $"{owner}:{branch}",
        ["ref"] = branch,
        ["sha"] = sha,
        ["user"] = User(state, urls, owner),
        ["repo"] = Repository(state, urls, repository, withTemplate: false),
    };

    private static JsonObject Link(string href) => new() { ["href"] = href };

    private static readonly (string Name, string Suffix)[] RepositoryLinks =
    [
        ("archive_url", "/{archive_format}{/ref}"), ("assignees_url", "/assignees{/user}"), ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"), ("collaborators_url", "/collaborators{/collaborator}"), ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"), ("compare_url", "/compare/{base}...{head}"), ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"), ("deployments_url", "/deployments"), ("downloads_url", "/downloads"), ("events_url", "/events"),
        ("forks_url", "/forks"), ("git_commits_url", "/git/commits{/sha}"), ("git_refs_url", "/git/refs{/sha}"), ("git_tags_url", "/git/tags{/sha}"),
        ("hooks_url", "/hooks"), ("issue_comment_url", "/issues/comments{/number}"), ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"), ("keys_url", "/keys{/key_id}"), ("labels_url", "/labels{/name}"), ("languages_url", "/languages"),
        ("merges_url", "/merges"), ("milestones_url", "/milestones{/number}"), ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"), ("releases_url", "/releases{/id}"), ("stargazers_url", "/stargazers"), ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"), ("subscription_url", "/subscription"), ("tags_url", "/tags"), ("teams_url", "/teams"), ("trees_url", "/git/trees{/sha}"),
    ];
}
