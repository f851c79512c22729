namespace Onboarding.GitHub.Backfill;

/// <summary>
/// <c>onboard backfill</c>: converges every (or every named) team of the platform's default branch. Per team, each
/// bundle repository in github.org exists (created exactly as the issue flow creates it), archived ones are reported
/// and left alone, and the owners' team can push. Then the artifacts compiled from the branch are compared with
/// the branch: any difference becomes one commit on <c>backfill/&lt;run&gt;</c> and one pull request. Every step
/// reads before it writes, so a run after a failure half-way redoes nothing that is done, and a run with nothing
/// to do sends no mutating request.
/// </summary>
public sealed class BackfillFlow(GitHubClient client, BackfillInput input)
{
    private readonly CallJournal journal = new(input.DryRun);
    private readonly List<BackfillChange> changes = [];

    public async Task<BackfillOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var step = "reading the platform's default branch";
        var diagnostics = new DiagnosticBag();
        var done = 0;
        var selected = 0;
        try
        {
            var platform = await CurrentPlatform.LoadAsync(client, journal, input.Root, input.PlatformOwner, input.PlatformRepo, diagnostics, cancellationToken);
            if (platform is null)
            {
                return Finish(new BackfillOutcome(BackfillStatus.Invalid, "the platform files on the default branch do not validate; nothing was changed") { Diagnostics = diagnostics.Sorted() });
            }

            var teams = Select(platform.Compiled.Teams, out var unknown);
            if (unknown.Count > 0)
            {
                return Finish(new BackfillOutcome(BackfillStatus.Invalid,
                    $"no team file on {platform.Branch.Branch} names {string.Join(", ", unknown.Select(name => $"'{name}'"))}; teams there: {string.Join(", ", platform.Compiled.Teams.Select(team => team.Name).Take(20))}; nothing was changed"));
            }

            selected = teams.Count;
            var provisioner = new TeamRepositoryProvisioner(client, journal, input.Root, input.PlatformRepo, _ => { });
            var access = new TeamAccessGrant(client, journal);
            for (var i = 0; i < teams.Count; i++)
            {
                var team = teams[i];
                step = $"converging team {team.Name} ({i + 1}/{teams.Count})";
                var before = changes.Count;
                await ConvergeTeamAsync(team, platform.Config, provisioner, access, cancellationToken);
                done++;
                var found = changes.Skip(before).Select(change => change.PlanLine).ToList();
                input.Progress($"[{i + 1}/{teams.Count}] {team.Name}: {(found.Count == 0 ? "up to date" : string.Join("; ", found))}");
            }

            step = "regenerating the artifacts";
            var stale = platform.StalePaths();
            Models.PullRequest? pull = null;
            var artifacts = new ArtifactPullRequest(client, journal, input.PlatformOwner, input.PlatformRepo, input.RunId);
            if (stale.Count + platform.Obsolete.Count == 0)
            {
                var closed = await artifacts.CloseObsoleteAsync(platform.Branch.Branch, cancellationToken);
                changes.AddRange(closed.Select(old => new BackfillChange(null, BackfillChangeKind.ClosePullRequest, $"#{old.Number}")));
                input.Progress($"artifacts: {platform.Branch.Branch} is up to date{(closed.Count == 0 ? string.Empty : $"; {(input.DryRun ? "would close" : "closed")} the backfill pull request {string.Join(", ", closed.Select(old => $"#{old.Number}"))}, which has nothing left to deploy")}");
            }
            else
            {
                var (found, wrote) = await artifacts.EnsureAsync(platform, stale, cancellationToken);
                pull = found;
                if (wrote)
                {
                    changes.AddRange(stale.Concat(platform.Obsolete).Select(path => new BackfillChange(null, BackfillChangeKind.RegenerateArtifact, path)));
                }

                var count = stale.Count + platform.Obsolete.Count;
                input.Progress((journal.DryRun, pull, wrote) switch
                {
                    (_, null, _) => $"artifacts: {count} files differ from {platform.Branch.Branch}; they would be committed in a new pull request (dry run)",
                    (true, { } open, true) => $"artifacts: {count} files differ from {platform.Branch.Branch}; they would be committed to pull request #{open.Number} (dry run)",
                    (_, { } open, false) => $"artifacts: pull request #{open.Number} already holds the regenerated files; merge it to deploy them",
                    (_, { } open, true) => $"artifacts: {count} files regenerated in pull request #{open.Number} {open.HtmlUrl}",
                });
            }

            var problems = changes.Where(change => change.IsProblem).ToList();
            var status = problems.Count > 0 ? BackfillStatus.Invalid : changes.Any(c => c.Kind != BackfillChangeKind.ArchivedRepository) ? BackfillStatus.Changed : BackfillStatus.Converged;
            var message = problems.Count > 0 ? $"{problems.Count} repositories need a person: {string.Join("; ", problems.Select(p => p.PlanLine[2..]))}"
                : status == BackfillStatus.Converged ? $"{teams.Count} teams converged; nothing to change{(pull is null ? string.Empty : $" (the regenerated artifacts wait in pull request #{pull.Number} {pull.HtmlUrl})")}"
                : input.DryRun ? $"{teams.Count} teams checked; the plan lists what would change"
                : $"{teams.Count} teams converged{(pull is null ? string.Empty : $"; artifacts in pull request #{pull.Number} {pull.HtmlUrl}")}";
            return Finish(new BackfillOutcome(status, message)
            {
                Teams = selected,
                TeamsDone = done,
                Branch = pull?.Head.Ref,
                PullRequestUrl = pull?.HtmlUrl,
                PullRequestNumber = pull?.Number,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Finish(new BackfillOutcome(BackfillStatus.Cancelled,
                $"cancelled while {step}: {done} of {selected} teams were finished, run the backfill again to finish the rest (finished teams are only read)")
            {
                Teams = selected,
                TeamsDone = done,
            });
        }
        catch (GitHubApiException e)
        {
            return Finish(new BackfillOutcome(BackfillStatus.Failed,
                $"failed while {step}: {e.Message}; {done} of {selected} teams were finished, run the backfill again to finish the rest (finished teams are only read)")
            {
                Teams = selected,
                TeamsDone = done,
            });
        }
    }

    private BackfillOutcome Finish(BackfillOutcome outcome) => outcome with { Changes = changes, Calls = journal.Calls };

    private List<TeamFile> Select(IReadOnlyList<TeamFile> teams, out List<string> unknown)
    {
        if (input.Teams.Count == 0)
        {
            unknown = [];
            return [.. teams];
        }

        var wanted = input.Teams.Distinct(StringComparer.Ordinal).ToList();
        unknown = [.. wanted.Where(name => !teams.Any(team => team.Name == name))];
        return [.. teams.Where(team => wanted.Contains(team.Name, StringComparer.Ordinal))];
    }

    private async Task ConvergeTeamAsync(TeamFile team, PlatformConfig config, TeamRepositoryProvisioner provisioner, TeamAccessGrant access, CancellationToken cancellationToken)
    {
        try
        {
            await ConvergeRepositoriesAsync(team, config, provisioner, access, cancellationToken);
        }
        catch (MissingOwnersTeamException e)
        {
            changes.Add(new BackfillChange(team.Name, BackfillChangeKind.MissingTeam, $"{e.Org}/{e.TeamSlug}",
                $"no repository is created or given access for it; create the team in {e.Org}, or correct owners.github_team in {team.Path}"));
        }
    }

    private async Task ConvergeRepositoriesAsync(TeamFile team, PlatformConfig config, TeamRepositoryProvisioner provisioner, TeamAccessGrant access, CancellationToken cancellationToken)
    {
        var org = config.GitHub.Org;
        var repositories = team.Bundles
            .Select(bundle => RepoReference.Resolve(bundle.Repo, config, out _, out _))
            .OfType<RepoReference>()
            .DistinctBy(repo => $"{repo.Owner}/{repo.Name}", StringComparer.OrdinalIgnoreCase);
        foreach (var repo in repositories)
        {
            var fullName = $"{repo.Owner}/{repo.Name}";
            if (!string.Equals(repo.Owner, org, StringComparison.OrdinalIgnoreCase))
            {
                await CheckOutsideRepositoryAsync(team, repo, cancellationToken);
                continue;
            }

            var template = config.GitHub.TemplateRepo is { } name ? $"{org}/{name}" : null;
            var plan = new RepositoryPlan(repo.Owner, repo.Name, repo.WebUrlOn(input.ServerUrl), template is null ? RepositorySource.Seeded : RepositorySource.Template, template, config.GitHub.Visibility);
            var ensured = await provisioner.EnsureAsync(new TeamRepositoryRequest(team.Name, org, team.Owners.GitHubTeam, plan,
                TeamPlatformFile.Render(team.Name, team.Owners.Contacts, config.Airflow.Version, config.Pipelines)), cancellationToken);
            if (ensured is null)
            {
                continue;
            }

            if (ensured.Created)
            {
                changes.Add(new BackfillChange(team.Name, BackfillChangeKind.CreateRepository, fullName,
                    template is null ? $"seeded from {TeamRepositorySeed.Folder}/" : $"from template {template}"));
            }

            if (ensured.Archived)
            {
                changes.Add(new BackfillChange(team.Name, BackfillChangeKind.ArchivedRepository, fullName));
                continue;
            }

            if (await access.EnsurePushAsync(org, team.Owners.GitHubTeam, repo.Owner, repo.Name, ensured.Created, cancellationToken))
            {
                changes.Add(new BackfillChange(team.Name, BackfillChangeKind.GrantPush, fullName, team.Owners.GitHubTeam));
            }
        }
    }

    /// <summary>A repository outside github.org is neither created nor given access from here: only whether it exists is checked.</summary>
    private async Task CheckOutsideRepositoryAsync(TeamFile team, RepoReference repo, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}", repo.Owner, repo.Name);
        var existing = await client.GetRepositoryAsync(repo.Owner, repo.Name, cancellationToken);
        if (existing is null)
        {
            changes.Add(new BackfillChange(team.Name, BackfillChangeKind.MissingRepository, $"{repo.Owner}/{repo.Name}",
                $"it is outside the organization, so it is not created from here; create it (or give the app access), or correct the repo in {team.Path}"));
        }
        else if (existing.Archived)
        {
            changes.Add(new BackfillChange(team.Name, BackfillChangeKind.ArchivedRepository, $"{repo.Owner}/{repo.Name}"));
        }
    }
}
