using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>Repositories: read, create in an organisation, generate from a template, change settings, collaborator permission.</summary>
internal sealed partial class RepositoryRoutes(FakeGitHubState state) : RouteArea(state)
{
    public override IEnumerable<FakeRoute> Routes() =>
    [
        new("GET", "/repos/{owner}/{repo}", Get),
        new("PATCH", "/repos/{owner}/{repo}", Update),
        new("POST", "/orgs/{org}/repos", Create),
        new("POST", "/repos/{template_owner}/{template_repo}/generate", Generate),
        new("GET", "/repos/{owner}/{repo}/collaborators/{username}/permission", CollaboratorRole),
    ];

    private FakeResponse Get(FakeRequest request) =>
        Repository(request) is { } repository ? FakeResponse.Ok(FakeJson.Repository(State, request.Urls, repository)) : FakeResponse.NotFound();

    private FakeResponse Update(FakeRequest request)
    {
        if (Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        repository.Visibility = request.BodyString("visibility") ?? (request.BodyBool("private") is { } isPrivate ? (isPrivate ? "private" : "public") : repository.Visibility);
        repository.Archived = request.BodyBool("archived") ?? repository.Archived;
        repository.Description = request.BodyString("description") ?? repository.Description;
        repository.UpdatedAt = State.Clock.GetUtcNow();
        return FakeResponse.Ok(FakeJson.Repository(State, request.Urls, repository));
    }

    private FakeResponse Create(FakeRequest request)
    {
        if (!State.IsOrganization(request["org"]))
        {
            return FakeResponse.NotFound();
        }

        if (ValidateName(request["org"], request.BodyString("name")) is { } problem)
        {
            return problem;
        }

        var visibility = request.BodyString("visibility") ?? (request.BodyBool("private") == true ? "private" : "public");
        var repository = State.CreateRepository(request["org"], GitHubName(request.BodyString("name")!), visibility);
        repository.Description = request.BodyString("description");
        if (request.BodyBool("auto_init") == true)
        {
            State.CommitFiles(repository, repository.DefaultBranch, new Dictionary<string, byte[]> { ["README.md"] = Encoding.UTF8.GetBytes($"# {repository.Name}\n") }, "Initial commit");
        }

        return FakeResponse.Created(FakeJson.Repository(State, request.Urls, repository));
    }

    private FakeResponse Generate(FakeRequest request)
    {
        var template = State.FindRepository(request["template_owner"], request["template_repo"]);
        if (template is null)
        {
            return FakeResponse.NotFound();
        }

        if (!template.IsTemplate)
        {
            return FakeResponse.ValidationFailed("Repository", "template_repo", $"{template.FullName} is not a template repository");
        }

        var owner = request.BodyString("owner") ?? FakeGitHubState.BotLogin;
        if (!State.IsKnownAccount(owner))
        {
            return FakeResponse.NotFound();
        }

        if (ValidateName(owner, request.BodyString("name")) is { } problem)
        {
            return problem;
        }

        var repository = State.CreateRepository(owner, GitHubName(request.BodyString("name")!), request.BodyBool("private") == true ? "private" : "public");
        repository.Description = request.BodyString("description");
        repository.TemplateRepository = template;
        var files = template.Refs.TryGetValue($"refs/heads/{template.DefaultBranch}", out var head) && template.Objects.TryGetCommit(head, out var commit)
            ? template.Objects.Flatten(commit.Tree).ToDictionary(file => file.Key, file => template.Objects.TryGetBlob(file.Value.Sha, out var content) ? content : [], StringComparer.Ordinal)
            : [];
        repository.Pending = new PendingContents(files, State.GeneratedContentsAfterRequests, State.Clock.GetUtcNow() + State.GeneratedContentsAfter);
        return FakeResponse.Created(FakeJson.Repository(State, request.Urls, repository));
    }

    private FakeResponse CollaboratorRole(FakeRequest request)
    {
        if (Repository(request) is not { } repository || !State.IsKnownAccount(request["username"]))
        {
            return FakeResponse.NotFound();
        }

        var role = repository.Collaborators.GetValueOrDefault(request["username"]) ?? "none";

        // The legacy field knows only four levels: maintain reads as write, triage as read.
        var permission = role switch
        {
            "admin" => "admin",
            "maintain" or "write" => "write",
            "triage" or "read" => "read",
            "none" => "none",
            _ => "read",
        };
        var user = FakeJson.User(State, request.Urls, request["username"]);
        user["role_name"] = role;
        user["permissions"] = new JsonObject
        {
            ["admin"] = permission == "admin",
            ["maintain"] = role is "admin" or "maintain",
            ["push"] = permission is "admin" or "write",
            ["triage"] = role is "admin" or "maintain" or "write" or "triage",
            ["pull"] = permission != "none",
        };
        return FakeResponse.Ok(new JsonObject { ["permission"] = permission, ["role_name"] = role, ["user"] = user });
    }

    private FakeResponse? ValidateName(string owner, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return FakeResponse.ValidationFailed("Repository", "name", "name is too short (minimum is 1 character)");
        }

        return State.FindRepository(owner, GitHubName(name)) is null
            ? null
            : FakeResponse.ValidationFailed("Repository", "name", "name already exists on this account");
    }

    // GitHub silently turns every character outside [A-Za-z0-9._-] into '-'.
    private static string GitHubName(string name) => NotAllowed().Replace(name, "-");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex NotAllowed();
}
