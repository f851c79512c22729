namespace Onboarding.GitHub.Onboarding;

/// <summary>What <see cref="TeamRepositoryProvisioner"/> needs to know of one team repository.</summary>
/// <param name="Team">The team name, used in the description and the starter files.</param>
/// <param name="Org">github.org: where the owners' team lives.</param>
/// <param name="TeamSlug">The owners' team, named in the starter files.</param>
/// <param name="PlatformFile">The team's .onboard/platform.yaml, seeded with the starter files.</param>
public sealed record TeamRepositoryRequest(string Team, string Org, string TeamSlug, RepositoryPlan Repository, string? PlatformFile = null);

/// <param name="Created">True when this run created it (in a dry run: would have).</param>
/// <param name="Current">The repository as GitHub answered; null in a dry run that would create it.</param>
/// <param name="Note">One line for a comment or report, the same on every run.</param>
public sealed record EnsuredRepository(bool Created, Repository? Current, string Note)
{
    public bool Archived => Current?.Archived == true;
}

/// <summary>
/// Ensures a team repository exists: generated from <c>github.template_repo</c>, or created with auto_init and
/// seeded from templates/team-repo/ of the platform checkout. Check-then-act: an existing repository is used as
/// it is (a seeded one that a crash left with only auto_init's commit is seeded now), an archived one is never
/// touched. Shared by the issue flow and the backfill.
/// </summary>
public sealed class TeamRepositoryProvisioner(GitHubClient client, CallJournal journal, string platformRoot, string platformRepo, Action<string> step)
{
    private readonly GitReader git = new(client, journal);

    public async Task<EnsuredRepository?> EnsureAsync(TeamRepositoryRequest plan, CancellationToken cancellationToken)
    {
        var target = plan.Repository;
        var org = plan.Org;
        journal.Read("/repos/{owner}/{repo}", target.Owner, target.Name);
        var existing = await client.GetRepositoryAsync(target.Owner, target.Name, cancellationToken);
        if (target.Source == RepositorySource.Existing)
        {
            if (existing is null)
            {
                return null;
            }

            step($"repository: {target.WebUrl} exists, used as it is");
            var outside = !string.Equals(target.Owner, org, StringComparison.OrdinalIgnoreCase);
            return new EnsuredRepository(false, existing, $"{target.WebUrl} (an existing repository{(outside ? $" outside `{org}`" : string.Empty)}; not created, used as it is)");
        }

        if (existing is not null)
        {
            // An archived repository is read-only on GitHub and was archived on purpose: report it, never change it.
            if (existing.Archived)
            {
                step($"repository: {target.WebUrl} is archived; left as it is");
                return new EnsuredRepository(false, existing, RepositoryNote(target));
            }

            if (target.Source == RepositorySource.Seeded)
            {
                await SeedIfUntouchedAsync(plan, existing, cancellationToken);
            }
            else
            {
                await MakeInternalIfAskedAsync(existing, target.Visibility, cancellationToken);
            }

            step($"repository: {target.WebUrl} exists");
            return new EnsuredRepository(false, existing, RepositoryNote(target));
        }

        // Before anything is created: a repository for a team that does not exist could never be handed to it.
        await new OwnersTeamCheck(client, journal).EnsureExistsAsync(org, plan.TeamSlug, cancellationToken);
        if (target.Source == RepositorySource.Template)
        {
            var template = target.Template!.Split('/', 2);
            Repository? created = null;
            if (journal.Write("POST", "/repos/{template_owner}/{template_repo}/generate", template[0], template[1]))
            {
                created = await client.GenerateFromTemplateAsync(template[0], template[1],
                    new GenerateRepositoryRequest(target.Owner, target.Name, target.Visibility != "public", Description(plan)), cancellationToken);
                CheckName(created, target);
            }

            await MakeInternalIfAskedAsync(created ?? Placeholder(target, "private"), target.Visibility, cancellationToken);

            // GitHub copies the template's files after answering; later steps and the team expect them there.
            var branch = created?.DefaultBranch ?? "main";
            journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", target.Owner, target.Name, $"heads/{branch}");
            if (!journal.DryRun)
            {
                await client.WaitForBranchAsync(target.Owner, target.Name, branch, cancellationToken);
            }

            step($"repository: created {target.WebUrl} from template {target.Template}");
            return new EnsuredRepository(true, created, RepositoryNote(target));
        }

        Repository? seeded = null;
        if (journal.Write("POST", "/orgs/{org}/repos", target.Owner))
        {
            seeded = await client.CreateOrganizationRepositoryAsync(target.Owner,
                new CreateRepositoryRequest(target.Name, target.Visibility, AutoInit: true, Description(plan)), cancellationToken);
            CheckName(seeded, target);
        }

        await SeedAsync(plan, seeded ?? Placeholder(target, target.Visibility), null, cancellationToken);
        step($"repository: created {target.WebUrl} and seeded it from {TeamRepositorySeed.Folder}/");
        return new EnsuredRepository(true, seeded, RepositoryNote(target));
    }

    // The same words whether this run created the repository or an earlier one did: the comment must not change on a re-run.
    private static string RepositoryNote(RepositoryPlan target) => target.Source == RepositorySource.Template
        ? $"{target.WebUrl} ({target.Visibility}, from the template `{target.Template}`)"
        : $"{target.WebUrl} ({target.Visibility}, started from the platform's `{TeamRepositorySeed.Folder}/`)";

    private static string Description(TeamRepositoryRequest plan) => $"Airflow DAGs of team {plan.Team}";

    private static Repository Placeholder(RepositoryPlan target, string visibility) =>
        new(0, target.Name, $"{target.Owner}/{target.Name}", new RepositoryOwner(target.Owner), target.WebUrl, "main", visibility != "public", visibility, false, false);

    /// <summary>GitHub turns characters it does not allow into '-' without saying so; the team file names the requested repository.</summary>
    private static void CheckName(Repository created, RepositoryPlan target)
    {
        if (!string.Equals(created.Name, target.Name, StringComparison.Ordinal))
        {
            throw new GitHubApiException("POST", "/orgs/{org}/repos", 201,
                $"GitHub created the repository as '{created.Name}' instead of '{target.Name}'; rename it on GitHub to '{target.Name}' and retry", 1, GitHubErrorReason.Other);
        }
    }

    /// <summary>The generate endpoint knows only private and public; internal is set afterwards.</summary>
    private async Task MakeInternalIfAskedAsync(Repository repository, string visibility, CancellationToken cancellationToken)
    {
        if (visibility != "internal" || repository.Visibility == "internal")
        {
            return;
        }

        if (journal.Write("PATCH", "/repos/{owner}/{repo}", repository.Owner.Login, repository.Name))
        {
            await client.UpdateRepositoryAsync(repository.Owner.Login, repository.Name, new UpdateRepositoryRequest(Visibility: "internal"), cancellationToken);
        }
    }

    /// <summary>
    /// A repository this flow created but did not get to seed (a crash in between) still holds only the commit
    /// auto_init made; anything else belongs to the team and is never overwritten.
    /// </summary>
    private async Task SeedIfUntouchedAsync(TeamRepositoryRequest plan, Repository repository, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", repository.Owner.Login, repository.Name, $"heads/{repository.DefaultBranch}");
        var head = await client.GetBranchRefAsync(repository.Owner.Login, repository.Name, repository.DefaultBranch, cancellationToken);
        if (head is null)
        {
            return;
        }

        var commit = await git.ReadCommitAsync(repository.Owner.Login, repository.Name, head.Target.Sha, cancellationToken);
        if (commit.Parents.Count > 0)
        {
            return;
        }

        journal.Read("/repos/{owner}/{repo}/git/trees/{tree_sha}", repository.Owner.Login, repository.Name, commit.Tree.Sha);
        var tree = await client.GetTreeAsync(repository.Owner.Login, repository.Name, commit.Tree.Sha, recursive: false, cancellationToken);
        if (tree?.Tree is [{ Path: "README.md" }])
        {
            await SeedAsync(plan, repository, head, cancellationToken);
        }
    }

    /// <summary>One commit with the starter files on top of the auto_init commit, replacing its README.</summary>
    private async Task SeedAsync(TeamRepositoryRequest plan, Repository repository, GitRef? head, CancellationToken cancellationToken)
    {
        var (repoOwner, repoName, branch) = (repository.Owner.Login, repository.Name, repository.DefaultBranch);
        var entries = await TeamRepositorySeed.EntriesAsync(
            platformRoot, new TeamRepositorySeed.Values(plan.Team, plan.TeamSlug, plan.Org, platformRepo, repoName, plan.PlatformFile), cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        if (head is null)
        {
            journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", repoOwner, repoName, $"heads/{branch}");
            head = journal.DryRun ? null : await client.WaitForBranchAsync(repoOwner, repoName, branch, cancellationToken);
        }

        // Without base_tree the tree holds only the starter files: auto_init's README is replaced, not merged.
        var tree = journal.Write("POST", "/repos/{owner}/{repo}/git/trees", repoOwner, repoName)
            ? await client.CreateTreeAsync(repoOwner, repoName, new CreateTreeRequest(null, entries), cancellationToken)
            : null;
        var commit = journal.Write("POST", "/repos/{owner}/{repo}/git/commits", repoOwner, repoName)
            ? await client.CreateCommitAsync(repoOwner, repoName, new CreateCommitRequest($"Start the DAG repository of team {plan.Team}", tree!.Sha, [head!.Target.Sha]), cancellationToken)
            : null;
        if (journal.Write("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", repoOwner, repoName, $"heads/{branch}"))
        {
            await client.UpdateBranchRefAsync(repoOwner, repoName, branch, commit!.Sha, cancellationToken);
        }
    }
}
