namespace Onboarding.Testing.FakeGitHub;

/// <summary>A group of operations over one part of the state, with the lookups they share.</summary>
internal abstract class RouteArea(FakeGitHubState state)
{
    protected FakeGitHubState State { get; } = state;

    public abstract IEnumerable<FakeRoute> Routes();

    /// <summary>The repository named by {owner}/{repo}, counted as one request for a pending template copy.</summary>
    protected FakeRepository? Repository(FakeRequest request, string owner = "owner", string repo = "repo")
    {
        var repository = State.FindRepository(request[owner], request[repo]);
        if (repository is not null)
        {
            State.Touch(repository);
        }

        return repository;
    }

    protected FakeIssue? Issue(FakeRepository repository, FakeRequest request) =>
        repository.Issues.FirstOrDefault(issue => issue.Number == request.Number("issue_number"));
}
