namespace Onboarding.GitHub.Drift;

/// <summary>
/// Compares GitHub with the compiled team files, reading only: each bundle repository exists and is not archived,
/// the owners' team can push (repositories in github.org), its default branch exists, and every environment's
/// tracking_ref resolves (a branch or tag; a 40-hex value as a commit). Each repository and ref is asked once.
/// </summary>
public sealed partial class DriftDetector(GitHubClient client, CallJournal journal)
{
    private readonly Dictionary<string, Repository?> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool> refs = new(StringComparer.Ordinal);
    private readonly HashSet<string> empty = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<DriftFinding>> FindAsync(CompiledPlatform platform, IReadOnlyList<TeamFile> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(teams);
        var config = platform.Config;
        var findings = new List<DriftFinding>();
        var checkedRepositories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in teams)
        {
            foreach (var bundle in team.Bundles)
            {
                if (RepoReference.Resolve(bundle.Repo, config, out _, out _) is not { } repo)
                {
                    continue;
                }

                var fullName = $"{repo.Owner}/{repo.Name}";
                var inOrg = string.Equals(repo.Owner, config.GitHub.Org, StringComparison.OrdinalIgnoreCase);
                var existing = await RepositoryAsync(repo.Owner, repo.Name, cancellationToken);
                if (existing is null)
                {
                    findings.Add(new DriftFinding(team.Name, bundle.Name, null, $"repository {fullName} does not exist (or the app cannot see it)",
                        inOrg ? $"run `onboard backfill --team {team.Name}`: it creates the repository"
                              : $"create it or give the app access, or correct `repo` of bundle `{bundle.Name}` in {team.Path}"));
                    continue;
                }

                // Repository-wide findings once per repository, under the first bundle that names it.
                if (checkedRepositories.Add(fullName))
                {
                    if (existing.Archived)
                    {
                        findings.Add(new DriftFinding(team.Name, bundle.Name, null, $"repository {fullName} is archived: Airflow still clones it, nobody can push to it",
                            $"unarchive it on GitHub, or remove bundle `{bundle.Name}` from {team.Path}"));
                    }

                    if (inOrg && !existing.Archived && await PermissionProblemAsync(config.GitHub.Org, team.Owners.GitHubTeam, repo, cancellationToken) is { } problem)
                    {
                        findings.Add(new DriftFinding(team.Name, bundle.Name, null, problem, $"run `onboard backfill --team {team.Name}`: it grants push"));
                    }

                    if (!await RefExistsAsync(repo, $"heads/{existing.DefaultBranch}", cancellationToken))
                    {
                        empty.Add(fullName);
                        findings.Add(new DriftFinding(team.Name, bundle.Name, null, $"the default branch {existing.DefaultBranch} of {fullName} does not exist (the repository is empty)",
                            $"push a first commit to {existing.DefaultBranch}"));
                    }
                }

                // An empty repository has no refs at all (GitHub answers its git-data calls with 409): the finding above says it all.
                if (empty.Contains(fullName))
                {
                    continue;
                }

                foreach (var environment in platform.Environments)
                {
                    if (environment.Bundles.FirstOrDefault(compiled => compiled.Name == bundle.Name) is not { } compiled)
                    {
                        continue;
                    }

                    var trackingRef = compiled.Kwargs.TrackingRef;
                    if (!await TrackingRefExistsAsync(repo, trackingRef, cancellationToken))
                    {
                        findings.Add(new DriftFinding(team.Name, bundle.Name, environment.Name,
                            CommitSha().IsMatch(trackingRef) ? $"tracking_ref {trackingRef} is no commit of {fullName}" : $"tracking_ref {trackingRef} is no branch or tag of {fullName}",
                            $"create it in {fullName}, or change the tracking_ref for `{environment.Name}` in {team.Path}"));
                    }
                }
            }
        }

        return findings;
    }

    private async Task<Repository?> RepositoryAsync(string owner, string name, CancellationToken cancellationToken)
    {
        var key = $"{owner}/{name}";
        if (!repositories.TryGetValue(key, out var repository))
        {
            journal.Read("/repos/{owner}/{repo}", owner, name);
            repository = await client.GetRepositoryAsync(owner, name, cancellationToken);
            repositories[key] = repository;
        }

        return repository;
    }

    private async Task<string?> PermissionProblemAsync(string org, string teamSlug, RepoReference repo, CancellationToken cancellationToken)
    {
        journal.Read("/orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}", org, teamSlug, repo.Owner, repo.Name);
        var access = await client.GetTeamRepositoryAccessAsync(org, teamSlug, repo.Owner, repo.Name, cancellationToken);
        if (access is null)
        {
            return $"team {teamSlug} has no access to {repo.Owner}/{repo.Name} (needs push or higher)";
        }

        if (access.Permissions.Push)
        {
            return null;
        }

        var role = access.RoleName ?? (access.Permissions.Triage ? "triage" : "read");
        return $"team {teamSlug} has only {role} on {repo.Owner}/{repo.Name} (needs push or higher)";
    }

    private async Task<bool> TrackingRefExistsAsync(RepoReference repo, string trackingRef, CancellationToken cancellationToken) =>
        CommitSha().IsMatch(trackingRef)
            ? await LookUpOnceAsync($"{repo.Owner}/{repo.Name}@{trackingRef}", "/repos/{owner}/{repo}/git/commits/{commit_sha}", repo, trackingRef,
                async () => await client.GetCommitAsync(repo.Owner, repo.Name, trackingRef, cancellationToken) is not null)
            : await RefExistsAsync(repo, $"heads/{trackingRef}", cancellationToken) || await RefExistsAsync(repo, $"tags/{trackingRef}", cancellationToken);

    private Task<bool> RefExistsAsync(RepoReference repo, string qualifiedRef, CancellationToken cancellationToken) =>
        LookUpOnceAsync($"{repo.Owner}/{repo.Name}:{qualifiedRef}", "/repos/{owner}/{repo}/git/ref/{ref}", repo, qualifiedRef,
            async () => await client.GetRefAsync(repo.Owner, repo.Name, qualifiedRef, cancellationToken) is not null);

    /// <summary>Asks GitHub once per run whether a ref or commit exists: many bundles share a repository and a branch.</summary>
    private async Task<bool> LookUpOnceAsync(string key, string pathTemplate, RepoReference repo, string name, Func<Task<bool>> lookUp)
    {
        if (!refs.TryGetValue(key, out var exists))
        {
            journal.Read(pathTemplate, repo.Owner, repo.Name, name);
            exists = await lookUp();
            refs[key] = exists;
        }

        return exists;
    }

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitSha();
}
