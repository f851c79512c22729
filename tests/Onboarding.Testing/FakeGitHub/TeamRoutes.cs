using System.Text.Json.Nodes;

namespace Onboarding.Testing.FakeGitHub;

/// <summary>Teams and their access to repositories.</summary>
internal sealed class TeamRoutes(FakeGitHubState state) : RouteArea(state)
{
    private static readonly string[] Levels = ["pull", "triage", "push", "maintain", "admin"];

    public override IEnumerable<FakeRoute> Routes() =>
    [
        new("GET", "/orgs/{org}/teams/{team_slug}", Get),
        new("GET", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", GetAccess),
        new("PUT", "/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", SetAccess),
    ];

    private FakeResponse Get(FakeRequest request) =>
        State.FindTeam(request["org"], request["team_slug"]) is { } team ? FakeResponse.Ok(FakeJson.Team(State, request.Urls, team, full: true)) : FakeResponse.NotFound();

    private FakeResponse GetAccess(FakeRequest request)
    {
        if (State.FindTeam(request["org"], request["team_slug"]) is not { } team
            || Repository(request) is not { } repository
            || !team.RepositoryPermissions.TryGetValue(repository.FullName, out var permission))
        {
            return FakeResponse.NotFound();
        }

        // Only this media type gets the permissions; the default answer is an empty 204.
        if (!request.Headers.Accept.ToString().Contains("application/vnd.github.v3.repository+json", StringComparison.OrdinalIgnoreCase))
        {
            return FakeResponse.NoContent();
        }

        var level = Array.IndexOf(Levels, permission);
        var json = FakeJson.Repository(State, request.Urls, repository);
        json["permissions"] = new JsonObject
        {
            ["pull"] = level >= 0,
            ["triage"] = level >= 1,
            ["push"] = level >= 2,
            ["maintain"] = level >= 3,
            ["admin"] = level >= 4,
        };
        json["role_name"] = permission switch { "pull" => "read", "push" => "write", _ => permission };
        return FakeResponse.Ok(json);
    }

    private FakeResponse SetAccess(FakeRequest request)
    {
        if (State.FindTeam(request["org"], request["team_slug"]) is not { } team || Repository(request) is not { } repository)
        {
            return FakeResponse.NotFound();
        }

        if (!string.Equals(repository.Owner, team.Org, StringComparison.OrdinalIgnoreCase))
        {
            return FakeResponse.ValidationFailed("Team", "repo", "the repository must belong to the team's organization");
        }

        team.RepositoryPermissions[repository.FullName] = request.BodyString("permission") ?? "push";
        return FakeResponse.NoContent();
    }
}
