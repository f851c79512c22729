namespace Onboarding.Core.Onboarding;

public enum RepositorySource
{
    /// <summary>Created in the org from <c>github.template_repo</c>.</summary>
    Template,

    /// <summary>Created in the org and seeded from templates/team-repo/.</summary>
    Seeded,

    /// <summary>Given as a URL: an existing repository, used as it is.</summary>
    Existing,
}

/// <summary>The team's repository as the onboarding would ensure it.</summary>
public sealed record RepositoryPlan(string Owner, string Name, string WebUrl, RepositorySource Source, string? Template, string Visibility);

/// <summary>Write access for the owners' GitHub team; null <see cref="Repository"/> when the repository is outside the org.</summary>
public sealed record TeamAccessPlan(string Org, string TeamSlug, string Permission, string? Repository);

/// <summary>
/// Everything the onboarding of one team changes, in the order the GitHub flow performs it: the repository, the
/// team's access, one branch with one commit, one pull request.
/// </summary>
public sealed record OnboardingPlan(
    string Team,
    string Branch,
    string TeamFilePath,
    RepositoryPlan Repository,
    TeamAccessPlan Access,
    string PullRequestTitle,
    string PullRequestBody,
    IReadOnlyList<EnvironmentSummary> Environments)
{
    public const string BranchPrefix = "onboarding/";

    /// <summary>GitHub's name for write access in the team-repository API.</summary>
    public const string WritePermission = "push";

    public static string BranchFor(string team) => BranchPrefix + team;

    public static string TitleFor(string team) => $"Onboard team {team}";

    /// <param name="team">A team that passed <see cref="IssueTeamMapper"/> and <see cref="TeamRequestValidator"/>.</param>
    /// <param name="config">The platform settings it was validated with.</param>
    /// <param name="environments">What changes per environment (<see cref="IssueOnboarding.PlannedChanges"/>).</param>
    /// <param name="issueNumber">The issue the request came from, closed by the pull request.</param>
    /// <param name="server">The GitHub web address the flow runs against (<c>GITHUB_SERVER_URL</c>), without a trailing '/'; null: the first of policy.repo_hosts.</param>
    public static OnboardingPlan Create(TeamDocument team, PlatformConfig config, IReadOnlyList<EnvironmentSummary> environments, int? issueNumber, string? server = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environments);
        var bundle = team.Bundles[0];
        var repo = RepoReference.Resolve(bundle.Repo, config, out var problem, out _)
            ?? throw new ArgumentException($"bundle repository {bundle.Repo} was not validated: {problem}", nameof(team));
        var source = !repo.IsPlainName ? RepositorySource.Existing
            : config.GitHub.TemplateRepo is not null ? RepositorySource.Template
            : RepositorySource.Seeded;
        var repository = new RepositoryPlan(repo.Owner, repo.Name, repo.WebUrlOn(server), source,
            source == RepositorySource.Template ? $"{config.GitHub.Org}/{config.GitHub.TemplateRepo}" : null, config.GitHub.Visibility);
        var inOrg = string.Equals(repo.Owner, config.GitHub.Org, StringComparison.OrdinalIgnoreCase);
        var access = new TeamAccessPlan(config.GitHub.Org, team.GitHubTeam, WritePermission, inOrg ? $"{repo.Owner}/{repo.Name}" : null);
        var title = TitleFor(team.Name);
        return new OnboardingPlan(team.Name, BranchFor(team.Name), TeamRequestValidator.TeamFilePath(team.Name), repository, access, title,
            RenderBody(team, repository, environments, issueNumber), environments);
    }

    private static string RenderBody(TeamDocument team, RepositoryPlan repository, IReadOnlyList<EnvironmentSummary> environments, int? issueNumber)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"Onboards team `{team.Name}`: bundle `{team.Bundles[0].Name}` from {repository.WebUrl}, owned by GitHub team `{team.GitHubTeam}`.\n\n");
        if (team.Description is { } description)
        {
            md.Append("> ").Append(UntrustedMarkdown.Escape(description)).Append("\n\n");
        }

        if (issueNumber is { } issue)
        {
            md.Append(CultureInfo.InvariantCulture, $"Closes #{issue}\n\n");
        }

        md.Append("| Environment | Bundles | Added | Removed | Changed |\n|---|---:|---|---|---|\n");
        foreach (var environment in environments)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| `{environment.Name}` | {environment.Bundles} | {Names(environment.Diff.Added)} | {Names(environment.Diff.Removed)} | {Names(environment.Diff.Changed.Select(c => c.Name))} |\n");
        }

        md.Append(CultureInfo.InvariantCulture,
            $"\nThe pull request adds `{TeamRequestValidator.TeamFilePath(team.Name)}` and the artifacts compiled from it; merging it deploys the new bundle lists.\n");
        return md.ToString();
    }

    // A removed name comes from the committed file, which may have been edited by hand: quote it as untrusted.
    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "–" : string.Join(", ", list.Select(n => UntrustedMarkdown.CodeSpan(n).Replace("|", "\\|", StringComparison.Ordinal)));
    }
}
