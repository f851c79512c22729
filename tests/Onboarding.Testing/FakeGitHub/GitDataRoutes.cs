using System.Text;
using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>
/// Refs, trees and commits with git's semantics: no refs in an empty repository, ref updates without
/// force only fast-forward, a tree without base_tree holds only the files it lists.
/// </summary>
internal sealed class GitDataRoutes(FakeGitHubState state) : RouteArea(state)
{
    public override IEnumerable<FakeRoute> Routes() =>
    [
        new("GET", "/repos/{owner}/{repo}/git/ref/{ref}", request => InGitData(request, GetRef)),
        new("POST", "/repos/{owner}/{repo}/git/refs", request => InGitData(request, CreateRef)),
        new("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", request => InGitData(request, UpdateRef)),
        new("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", request => InGitData(request, GetCommit)),
        new("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", request => InGitData(request, GetTree)),
        new("POST", "/repos/{owner}/{repo}/git/trees", request => InGitData(request, CreateTree)),
        new("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", request => InGitData(request, GetBlob)),
        new("POST", "/repos/{owner}/{repo}/git/commits", request => InGitData(request, CreateCommit)),
    ];

    // Git data needs a repository with at least one commit: an empty one answers 409 to every call.
    private FakeResponse InGitData(FakeRequest request, Func<FakeRequest, FakeRepository, FakeResponse> handle) =>
        Repository(request) is not { } repository ? FakeResponse.NotFound()
        : repository.Refs.Count == 0 ? FakeResponse.Error(409, "Git Repository is empty.")
        : handle(request, repository);

    private FakeResponse GetRef(FakeRequest request, FakeRepository repository)
    {
        var refName = $"refs/{request["ref"]}";
        return repository.Refs.TryGetValue(refName, out var sha) ? FakeResponse.Ok(FakeJson.GitRef(request.Urls, repository, refName, sha)) : FakeResponse.NotFound();
    }

    private FakeResponse CreateRef(FakeRequest request, FakeRepository repository)
    {
        var refName = request.BodyString("ref") ?? string.Empty;
        var sha = request.BodyString("sha") ?? string.Empty;
        if (!refName.StartsWith("refs/", StringComparison.Ordinal) || refName.Count(c => c == '/') < 2 || refName.Contains("..", StringComparison.Ordinal))
        {
            return FakeResponse.Error(422, $"{refName} is not a valid ref name.");
        }

        if (repository.Refs.ContainsKey(refName))
        {
            return FakeResponse.Error(422, "Reference already exists");
        }

        if (!repository.Objects.TryGetCommit(sha, out _))
        {
            return FakeResponse.Error(422, "Object does not exist");
        }

        repository.Refs[refName] = sha;
        return FakeResponse.Created(FakeJson.GitRef(request.Urls, repository, refName, sha));
    }

    private FakeResponse UpdateRef(FakeRequest request, FakeRepository repository)
    {
        var refName = $"refs/{request["ref"]}";
        var sha = request.BodyString("sha") ?? string.Empty;
        if (!repository.Refs.TryGetValue(refName, out var current))
        {
            return FakeResponse.Error(422, "Reference does not exist");
        }

        if (!repository.Objects.TryGetCommit(sha, out _))
        {
            return FakeResponse.Error(422, "Object does not exist");
        }

        if (request.BodyBool("force") != true && !repository.Objects.IsAncestor(current, sha))
        {
            return FakeResponse.Error(422, "Update is not a fast forward");
        }

        repository.Refs[refName] = sha;
        return FakeResponse.Ok(FakeJson.GitRef(request.Urls, repository, refName, sha));
    }

    private FakeResponse GetCommit(FakeRequest request, FakeRepository repository)
    {
        return repository.Objects.TryGetCommit(request["commit_sha"], out var commit)
            ? FakeResponse.Ok(FakeJson.GitCommit(request.Urls, repository, commit))
            : FakeResponse.NotFound();
    }

    private FakeResponse GetTree(FakeRequest request, FakeRepository repository)
    {
        var sha = request["tree_sha"];
        // GitHub lists recursively for any value of `recursive`, "0" and "false" included.
        var recursive = request.QueryValue("recursive") is not null;
        return repository.Objects.TryGetTree(sha, out _)
            ? FakeResponse.Ok(FakeJson.GitTree(request.Urls, repository, sha, repository.Objects.List(sha, recursive)))
            : FakeResponse.NotFound();
    }

    private FakeResponse GetBlob(FakeRequest request, FakeRepository repository) =>
        repository.Objects.TryGetBlob(request["file_sha"], out var content)
            ? FakeResponse.Ok(FakeJson.GitBlob(request.Urls, repository, request["file_sha"], content))
            : FakeResponse.NotFound();

    private FakeResponse CreateTree(FakeRequest request, FakeRepository repository)
    {
        var files = new Dictionary<string, (string Mode, string Sha)>(StringComparer.Ordinal);
        if (request.BodyString("base_tree") is { } baseTree)
        {
            if (!repository.Objects.TryGetTree(baseTree, out _))
            {
                return FakeResponse.Error(422, "Invalid tree info");
            }

            files = repository.Objects.Flatten(baseTree);
        }

        foreach (var entry in request.Body?["tree"]?.AsArray() ?? [])
        {
            var path = entry?["path"]?.GetValue<string>();
            var mode = entry?["mode"]?.GetValue<string>() ?? "100644";
            if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Split('/').Any(part => part is "" or "." or ".."))
            {
                return FakeResponse.Error(422, "Invalid tree info");
            }

            if (entry!["content"] is JsonValue content)
            {
                files[path] = (mode, repository.Objects.AddBlob(Encoding.UTF8.GetBytes(content.GetValue<string>())));
            }
            else if (entry.AsObject().TryGetPropertyValue("sha", out var sha) && sha is null)
            {
                files.Remove(path);
            }
            else if (sha is JsonValue blob && repository.Objects.TryGetBlob(blob.GetValue<string>(), out _))
            {
                files[path] = (mode, blob.GetValue<string>());
            }
            else
            {
                return FakeResponse.Error(422, "Invalid tree info");
            }
        }

        var treeSha = repository.Objects.WriteTree(files);
        return FakeResponse.Created(FakeJson.GitTree(request.Urls, repository, treeSha, repository.Objects.List(treeSha, recursive: false)));
    }

    private FakeResponse CreateCommit(FakeRequest request, FakeRepository repository)
    {
        var tree = request.BodyString("tree") ?? string.Empty;
        if (!repository.Objects.TryGetTree(tree, out _))
        {
            return FakeResponse.Error(422, "Tree SHA does not exist");
        }

        var parents = (request.Body?["parents"]?.AsArray() ?? []).Select(parent => parent!.GetValue<string>()).ToList();
        if (parents.Any(parent => !repository.Objects.TryGetCommit(parent, out _)))
        {
            return FakeResponse.Error(422, "Parent SHA does not exist or is not a commit object");
        }

        var author = request.Body?["author"] is JsonObject given
            ? new GitSignature(given["name"]!.GetValue<string>(), given["email"]!.GetValue<string>(), State.Clock.GetUtcNow())
            : new GitSignature(FakeGitHubState.BotLogin, "onboard-bot[bot]@users.noreply.github.com", State.Clock.GetUtcNow());
        var sha = repository.Objects.WriteCommit(tree, parents, request.BodyString("message") ?? string.Empty, author);
        repository.Objects.TryGetCommit(sha, out var commit);
        return FakeResponse.Created(FakeJson.GitCommit(request.Urls, repository, commit));
    }
}
