namespace Onboarding.GitHub.Backfill;

/// <summary>
/// The backfill's one commit and one pull request. An open backfill pull request from an earlier run is reused
/// (its branch rebuilt on the current default branch), so however often the backfill runs before a merge there is
/// one pull request to review; a branch that already holds exactly these files on the current base is left alone.
/// </summary>
public sealed class ArtifactPullRequest(GitHubClient client, CallJournal journal, string owner, string repo, string runId)
{
    public const string BranchPrefix = "backfill/";
    public const string Title = "Backfill: regenerate artifacts";

    private readonly GitReader git = new(client, journal);

    /// <returns>The pull request (null in a dry run that would open one), and whether anything was (or would be) written.</returns>
    public async Task<(PullRequest? Pull, bool Wrote)> EnsureAsync(CurrentPlatform platform, IReadOnlyList<string> stale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(stale);
        var baseline = platform.Branch;
        var body = Body(platform, stale);
        var open = (await OpenAsync(baseline.Branch, cancellationToken)).MinBy(pull => pull.Number);
        var branch = open?.Head.Ref ?? BranchPrefix + runId;

        journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, $"heads/{branch}");
        var existing = await client.GetBranchRefAsync(owner, repo, branch, cancellationToken);
        var commit = existing is null || !await HoldsAsync(existing.Target.Sha, platform, cancellationToken);
        if (journal.DryRun)
        {
            return (open, commit || open is null || NeedsUpdate(open, body));
        }

        if (commit)
        {
            await CommitAsync(platform, stale, branch, existing is not null, cancellationToken);
        }

        if (open is not null)
        {
            return (await UpdateAsync(open, body, cancellationToken), commit || NeedsUpdate(open, body));
        }

        try
        {
            journal.Write("POST", "/repos/{owner}/{repo}/pulls", owner, repo);
            return (await client.CreatePullRequestAsync(owner, repo, new CreatePullRequestRequest(Title, branch, baseline.Branch, body), cancellationToken), true);
        }
        catch (GitHubApiException e) when (e.Reason == GitHubErrorReason.PullRequestExists)
        {
            // Opened by a concurrent run (or this POST's lost answer): the listing above did not see it yet.
        }

        journal.Read("/repos/{owner}/{repo}/pulls", owner, repo);
        var found = await client.FindOpenPullRequestAsync(owner, repo, owner, branch, cancellationToken)
            ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}/pulls", 200, $"GitHub says a pull request from {branch} exists, but none is open", 1, GitHubErrorReason.Other);
        return (await UpdateAsync(found, body, cancellationToken), true);
    }

    /// <summary>
    /// The default branch already holds fresh artifacts (someone regenerated them, or a later merge did): an open
    /// backfill pull request has nothing left to deploy and would only revert that. Closes it; returns what it closed.
    /// </summary>
    public async Task<IReadOnlyList<PullRequest>> CloseObsoleteAsync(string baseBranch, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(baseBranch, cancellationToken);
        foreach (var pull in open)
        {
            if (journal.Write("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, pull.Number.ToString(CultureInfo.InvariantCulture)))
            {
                await client.UpdatePullRequestAsync(owner, repo, pull.Number, new UpdatePullRequestRequest(State: "closed"), cancellationToken);
            }
        }

        return open;
    }

    private async Task<List<PullRequest>> OpenAsync(string baseBranch, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/pulls", owner, repo);
        return [.. (await client.ListOpenPullRequestsAsync(owner, repo, baseBranch, cancellationToken))
            .Where(pull => pull.Title == Title && pull.Head.Ref.StartsWith(BranchPrefix, StringComparison.Ordinal)
                && (pull.Head.Label is null || pull.Head.Label.StartsWith(owner + ":", StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>One commit on the current default branch: the regenerated files written, the obsolete ones removed.</summary>
    private async Task CommitAsync(CurrentPlatform platform, IReadOnlyList<string> stale, string branch, bool exists, CancellationToken cancellationToken)
    {
        var baseline = platform.Branch;
        var entries = stale.Select(path => new TreeEntry(path, Encoding.UTF8.GetString(platform.Artifacts[path])))
            .Concat(platform.Obsolete.Select(TreeEntry.Delete))
            .ToList();
        journal.Write("POST", "/repos/{owner}/{repo}/git/trees", owner, repo);
        var tree = await client.CreateTreeAsync(owner, repo, new CreateTreeRequest(baseline.Tree, entries), cancellationToken);
        journal.Write("POST", "/repos/{owner}/{repo}/git/commits", owner, repo);
        var message = $"{Title}\n\nCompiled from onboarding.yaml and teams/*.yaml of {baseline.Branch} ({baseline.Head[..7]}): {stale.Count + platform.Obsolete.Count} generated files differed.";
        var commit = await client.CreateCommitAsync(owner, repo, new CreateCommitRequest(message, tree.Sha, [baseline.Head]), cancellationToken);
        if (!exists)
        {
            try
            {
                journal.Write("POST", "/repos/{owner}/{repo}/git/refs", owner, repo);
                await client.CreateBranchRefAsync(owner, repo, branch, commit.Sha, cancellationToken);
                return;
            }
            catch (GitHubApiException e) when (e.Reason == GitHubErrorReason.AlreadyExists)
            {
                // A run with the same id created it between the read and now: move it below.
            }
        }

        // Force is safe only on a backfill branch: its one commit is derived entirely from the default branch.
        if (!branch.StartsWith(BranchPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to force-move {branch}: only {BranchPrefix} branches belong to the backfill");
        }

        journal.Write("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", owner, repo, $"heads/{branch}");
        await client.ForceBranchRefAsync(owner, repo, branch, commit.Sha, cancellationToken);
    }

    /// <summary>The branch is one commit on the current default branch that holds exactly the compiled files.</summary>
    private async Task<bool> HoldsAsync(string sha, CurrentPlatform platform, CancellationToken cancellationToken)
    {
        var commit = await git.ReadCommitAsync(owner, repo, sha, cancellationToken);
        if (commit.Parents.Count != 1 || commit.Parents[0].Sha != platform.Branch.Head)
        {
            return false;
        }

        var files = new BranchFiles(string.Empty, sha, commit.Tree.Sha, await git.ReadFilesAsync(owner, repo, commit.Tree.Sha, cancellationToken));
        return files.Holds(platform.Artifacts) && !platform.Obsolete.Any(files.Files.ContainsKey);
    }

    private async Task<PullRequest> UpdateAsync(PullRequest found, string body, CancellationToken cancellationToken)
    {
        if (!NeedsUpdate(found, body))
        {
            return found;
        }

        journal.Write("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, found.Number.ToString(CultureInfo.InvariantCulture));
        return await client.UpdatePullRequestAsync(owner, repo, found.Number, new UpdatePullRequestRequest(Title, body), cancellationToken);
    }

    private static bool NeedsUpdate(PullRequest found, string body) => found.Title != Title || Normalised(found.Body) != Normalised(body);

    // GitHub stores bodies edited in its web UI with CRLF: that alone is no difference.
    private static string Normalised(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    /// <summary>Deterministic for the same branch and teams, so a re-run leaves the description alone.</summary>
    public static string Body(CurrentPlatform platform, IReadOnlyList<string> stale)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(stale);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture,
            $"Regenerates the artifacts from `onboarding.yaml` and `teams/*.yaml` as they are on `{platform.Branch.Branch}`: the committed files no longer matched a fresh compile. Merging it deploys the bundle lists below.\n\n");
        md.Append("| Environment | Bundles | Added | Removed | Changed |\n|---|---:|---|---|---|\n");
        foreach (var environment in platform.Compiled.Environments)
        {
            var path = ArtifactPaths.Json(platform.Config.Outputs.Dir, environment.Name);
            var diff = EnvironmentDiff.Compare(environment.Name, platform.Committed.GetValueOrDefault(path), platform.Artifacts[path]);
            md.Append(CultureInfo.InvariantCulture,
                $"| `{environment.Name}` | {environment.Bundles.Count} | {Names(diff.Added)} | {Names(diff.Removed)} | {Names(diff.Changed.Select(change => change.Name))} |\n");
        }

        md.Append("\nFiles:\n");
        foreach (var path in stale)
        {
            md.Append("- `").Append(path).Append("` regenerated\n");
        }

        foreach (var path in platform.Obsolete)
        {
            md.Append("- `").Append(path).Append("` removed (no longer generated)\n");
        }

        return md.ToString();
    }

    // A removed name comes from a committed file, which may have been edited by hand: quote it as untrusted.
    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "–" : string.Join(", ", list.Take(30).Select(n => UntrustedMarkdown.CodeSpan(n).Replace("|", "\\|", StringComparison.Ordinal))) + (list.Count > 30 ? $" and {list.Count - 30} more" : string.Empty);
    }
}
