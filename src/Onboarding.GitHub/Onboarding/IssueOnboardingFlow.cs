namespace Onboarding.GitHub.Onboarding;

/// <summary>
/// The GitHub side of <c>onboard issue --event</c>: approval gate, team repository, team access, one commit on
/// <c>onboarding/&lt;team&gt;</c>, one pull request, one sticky comment, one outcome label. Every step reads
/// first and writes only what differs, so a re-run after a crash anywhere converges without duplicates and a
/// re-run with nothing left to do sends no mutating request at all.
/// </summary>
public sealed class IssueOnboardingFlow(GitHubClient client, IssueFlowInput input)
{
    public const string DoneLabel = "onboarding-done";
    public const string InvalidLabel = "onboarding-invalid";
    public const string FailedLabel = "onboarding-failed";

    /// <summary>The problem code of an owners' team that does not exist in the organization.</summary>
    public const string MissingTeamCode = "ONBOARD003";

    private static readonly string[] OutcomeLabels = [DoneLabel, InvalidLabel, FailedLabel];

    private readonly CallJournal journal = new(input.DryRun);
    private readonly List<string> steps = [];
    private readonly HashSet<string> labels = new(StringComparer.OrdinalIgnoreCase);
    private readonly string owner = input.PlatformOwner;
    private readonly string repo = input.PlatformRepo;
    private readonly int issueNumber = input.Event.IssueNumber;

    private GitReader Git => new(client, journal);

    public async Task<OnboardingOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var config = await LoadConfigAsync(diagnostics, cancellationToken);
        if (config is null)
        {
            return new OnboardingOutcome(OnboardingStatus.Invalid, $"{PlatformConfigLoader.FileName} of the checkout has errors; nothing was done")
            {
                PlatformDiagnostics = diagnostics.Sorted(),
            };
        }

        if (NotAnApproval(config.GitHub) is { } reason)
        {
            return Finish(new OnboardingOutcome(OnboardingStatus.NotApplicable, $"nothing to do: {reason}"));
        }

        var step = "checking the approval";
        try
        {
            if (await GateAsync(config.GitHub, cancellationToken) is { } stop)
            {
                return Finish(stop);
            }

            step = "reading the platform's default branch";
            var baseline = await ReadDefaultBranchAsync(cancellationToken);
            var platform = new GitTreeSource($"{owner}/{repo}@{baseline.Branch}", baseline, new DiskSource(input.Root), ReadBlobAsync);

            step = "reading the request";
            var request = await IssueOnboarding.PrepareAsync(platform, input.Form, input.Event.IssueBody, cancellationToken);
            if (platform.FromBranch.Count > 0)
            {
                steps.Add($"base: the checkout is behind {baseline.Branch}; took {platform.FromBranch.Count} files from it ({string.Join(", ", platform.FromBranch.Take(5))}{(platform.FromBranch.Count > 5 ? ", …" : string.Empty)})");
            }

            if (!request.IsValid)
            {
                await UpsertCommentAsync(request.ProblemMarkdown(IssueCommentText.Marker), cancellationToken);
                await SetOutcomeLabelAsync(InvalidLabel, cancellationToken);
                return Finish(new OnboardingOutcome(OnboardingStatus.Invalid, "the request has problems; they are listed in a comment on the issue, nothing was created")
                {
                    Team = request.Team?.Name,
                    Problems = request.Problems,
                    PlatformDiagnostics = request.PlatformDiagnostics,
                });
            }

            var validation = request.Validation!;
            var plan = OnboardingPlan.Create(request.Team!, request.Config!, await IssueOnboarding.PlannedChangesAsync(validation, cancellationToken), issueNumber, input.ServerUrl);
            var files = PlatformArtifacts.Of(validation);

            step = "ensuring the team repository";
            EnsuredRepository? repository;
            string accessNote;
            try
            {
                var provisioner = new TeamRepositoryProvisioner(client, journal, input.Root, repo, steps.Add);
                repository = await provisioner.EnsureAsync(new TeamRepositoryRequest(plan.Team, request.Config!.GitHub.Org, plan.Access.TeamSlug, plan.Repository,
                    TeamPlatformFile.Render(plan.Team, request.Team!.Contacts, request.Config.Airflow.Version, request.Config.Pipelines)), cancellationToken);
                if (repository is null)
                {
                    return Finish(await RepositoryMissingAsync(plan, cancellationToken));
                }

                step = "granting the team access";
                accessNote = await EnsureAccessAsync(plan, repository.Created, cancellationToken);
            }
            catch (MissingOwnersTeamException)
            {
                return Finish(await MissingTeamAsync(request, plan, cancellationToken));
            }

            step = $"committing to branch {plan.Branch}";
            var branch = await EnsureBranchAsync(plan, baseline, files, cancellationToken);

            step = "opening the pull request";
            var pull = branch == BranchState.OnDefaultBranch ? null : await EnsurePullRequestAsync(plan, baseline, branch, cancellationToken);

            step = "commenting on the issue";
            var pullNote = pull is null
                ? branch == BranchState.OnDefaultBranch
                    ? $"the team file and its artifacts are already on `{baseline.Branch}`; no pull request is needed"
                    : $"a pull request {UntrustedMarkdown.CodeSpan(plan.PullRequestTitle)} will be opened (dry run)"
                : $"#{pull.Number} {pull.HtmlUrl}";
            await UpsertCommentAsync(IssueCommentText.Done(plan, repository.Note, accessNote, pullNote), cancellationToken);
            await SetOutcomeLabelAsync(DoneLabel, cancellationToken);
            return Finish(new OnboardingOutcome(OnboardingStatus.Done, pull is null ? $"team {plan.Team}: {pullNote.Replace("`", string.Empty, StringComparison.Ordinal)}" : $"team {plan.Team}: pull request {pull.HtmlUrl}")
            {
                Team = plan.Team,
                RepositoryUrl = plan.Repository.WebUrl,
                PullRequestUrl = pull?.HtmlUrl,
                PullRequestNumber = pull?.Number,
                Files = [.. files.Keys],
            });
        }
        catch (GitHubApiException e)
        {
            await ReportFailureAsync(step, e.Message, config.GitHub.ApprovalLabel, cancellationToken);
            return Finish(new OnboardingOutcome(OnboardingStatus.Failed, $"failed while {step}: {e.Message}") { FailedStep = step });
        }
    }

    /// <summary>A missing owners' team is the author's to fix, under the form field that named it: nothing is created.</summary>
    private async Task<OnboardingOutcome> MissingTeamAsync(OnboardingRequest request, OnboardingPlan plan, CancellationToken cancellationToken)
    {
        var org = plan.Access.Org;
        var label = input.Form.Elements.FirstOrDefault(e => string.Equals(e.Id, OnboardingFormFields.GitHubTeam, StringComparison.Ordinal))?.Label ?? "GitHub team";
        var problem = new IssueFormProblem(MissingTeamCode, label, $"names a team that does not exist in the organization {org}:",
            $"write the slug of an existing team of {org}, as it appears in the team's address (https://github.com/orgs/{org}/teams/SLUG), or ask an organization owner to create the team first")
        {
            FieldId = OnboardingFormFields.GitHubTeam,
            Quoted = plan.Access.TeamSlug,
        };
        var problems = request.Problems.Append(problem).ToList();
        steps.Add($"team: {org}/{plan.Access.TeamSlug} does not exist; nothing was created");
        await UpsertCommentAsync((request with { Problems = problems }).ProblemMarkdown(IssueCommentText.Marker), cancellationToken);
        await SetOutcomeLabelAsync(InvalidLabel, cancellationToken);
        return new OnboardingOutcome(OnboardingStatus.Invalid, $"the owners' team {org}/{plan.Access.TeamSlug} does not exist; the comment on the issue says how to fix it, nothing was created")
        {
            Team = plan.Team,
            Problems = problems,
        };
    }

    private OnboardingOutcome Finish(OnboardingOutcome outcome) => outcome with { Calls = journal.Calls, Steps = steps };

    private async Task<PlatformConfig?> LoadConfigAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var config = await PlatformLoader.LoadConfigAsync(new DiskSource(input.Root), diagnostics, cancellationToken);
        return diagnostics.HasErrors ? null : config;
    }

    /// <summary>Decided from the event alone, so an unrelated event costs no request.</summary>
    private string? NotAnApproval(GitHubSettings settings)
    {
        var e = input.Event;
        if (e.IsPullRequest)
        {
            return "the event is about a pull request, not an issue";
        }

        if (e.Action != "labeled")
        {
            return $"the issue was {Display.Quote(e.Action ?? "(no action)")}, not labeled; only applying the label '{settings.ApprovalLabel}' starts an onboarding";
        }

        // Exactly the configured label: 'Approved ' or another case is a different label on GitHub's side too.
        return string.Equals(e.LabelName, settings.ApprovalLabel, StringComparison.Ordinal)
            ? null
            : $"the label applied was {Display.Quote(e.LabelName ?? string.Empty)}, not the approval label '{settings.ApprovalLabel}'";
    }

    /// <summary>Null when the approval stands; otherwise the outcome that ends the run.</summary>
    private async Task<OnboardingOutcome?> GateAsync(GitHubSettings settings, CancellationToken cancellationToken)
    {
        var sender = input.Event.SenderLogin;
        if (string.IsNullOrEmpty(sender))
        {
            return new OnboardingOutcome(OnboardingStatus.Refused, "the event names no sender; nothing was done");
        }

        // The event's author_association says nothing about the labeler's role: ask the API.
        journal.Read("/repos/{owner}/{repo}/collaborators/{username}/permission", owner, repo, sender);
        var permission = await client.GetCollaboratorPermissionAsync(owner, repo, sender, cancellationToken);
        var role = permission is null ? "none" : permission.RoleName;
        if (PermissionLevel.Of(permission?.RoleName, permission?.Permission) < PermissionLevel.Rank(settings.ApproverPermission))
        {
            return new OnboardingOutcome(OnboardingStatus.Refused,
                $"{sender} applied '{settings.ApprovalLabel}' with role '{role}' on {owner}/{repo}, but approving needs '{settings.ApproverPermission}' or higher; nothing was done");
        }

        steps.Add($"approval: {sender} ({role}) applied '{settings.ApprovalLabel}'");
        journal.Read("/repos/{owner}/{repo}/issues/{issue_number}", owner, repo, issueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var issue = await client.GetIssueAsync(owner, repo, issueNumber, cancellationToken);
        if (issue is null || issue.IsPullRequest)
        {
            return new OnboardingOutcome(OnboardingStatus.Refused, $"issue #{issueNumber} was not found in {owner}/{repo}; nothing was done");
        }

        labels.UnionWith(issue.Labels.Select(label => label.Name));

        // What was approved is the body the event carries; an edit since then was not reviewed.
        if (!string.Equals(issue.Body ?? string.Empty, input.Event.IssueBody, StringComparison.Ordinal))
        {
            await UpsertCommentAsync(IssueCommentText.BodyChanged(settings.ApprovalLabel), cancellationToken);
            if (labels.Contains(settings.ApprovalLabel))
            {
                await RemoveLabelAsync(settings.ApprovalLabel, cancellationToken);
            }

            return new OnboardingOutcome(OnboardingStatus.BodyChanged,
                $"the issue body changed after '{settings.ApprovalLabel}' was applied; the issue says so, the label was removed, nothing was created");
        }

        return null;
    }

    private async Task<BranchFiles> ReadDefaultBranchAsync(CancellationToken cancellationToken)
    {
        var name = input.Event.DefaultBranch;
        if (string.IsNullOrEmpty(name))
        {
            journal.Read("/repos/{owner}/{repo}", owner, repo);
            var platform = await client.GetRepositoryAsync(owner, repo, cancellationToken)
                ?? throw new GitHubApiException("GET", "/repos/{owner}/{repo}", 404, $"the platform repository {owner}/{repo} was not found", 1, GitHubErrorReason.NotFound);
            name = platform.DefaultBranch;
        }

        return await Git.ReadBranchAsync(owner, repo, name, cancellationToken);
    }

    private Task<byte[]> ReadBlobAsync(string sha, CancellationToken cancellationToken) => Git.ReadBlobAsync(owner, repo, sha, cancellationToken);

    private async Task<string> EnsureAccessAsync(OnboardingPlan plan, bool created, CancellationToken cancellationToken)
    {
        var access = plan.Access;
        var slug = UntrustedMarkdown.CodeSpan($"{access.Org}/{access.TeamSlug}");
        if (access.Repository is null)
        {
            steps.Add("access: the repository is outside the organization; its owners manage access");
            return $"{slug} gets no access from here: the repository is outside `{access.Org}`, its owners manage who may push";
        }

        var (repoOwner, repoName) = (plan.Repository.Owner, plan.Repository.Name);

        if (!await new TeamAccessGrant(client, journal).EnsurePushAsync(access.Org, access.TeamSlug, repoOwner, repoName, created, cancellationToken))
        {
            steps.Add($"access: {access.Org}/{access.TeamSlug} can already push");
            return $"{slug} has write access";
        }

        steps.Add($"access: gave {access.Org}/{access.TeamSlug} write access");
        return $"{slug} has write access";
    }

    private async Task<BranchState> EnsureBranchAsync(OnboardingPlan plan, BranchFiles baseline, SortedDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        if (Holds(baseline.Files, files))
        {
            steps.Add($"branch: {baseline.Branch} already holds {plan.TeamFilePath} and its artifacts");
            return BranchState.OnDefaultBranch;
        }

        journal.Read("/repos/{owner}/{repo}/git/ref/{ref}", owner, repo, $"heads/{plan.Branch}");
        var existing = await client.GetBranchRefAsync(owner, repo, plan.Branch, cancellationToken);
        if (existing is not null)
        {
            var commit = await Git.ReadCommitAsync(owner, repo, existing.Target.Sha, cancellationToken);
            if (Holds(await Git.ReadFilesAsync(owner, repo, commit.Tree.Sha, cancellationToken), files))
            {
                steps.Add($"branch: {plan.Branch} already holds these files");
                return BranchState.Unchanged;
            }
        }

        var tree = journal.Write("POST", "/repos/{owner}/{repo}/git/trees", owner, repo)
            ? await client.CreateTreeAsync(owner, repo, new CreateTreeRequest(baseline.Tree, [.. files.Select(file => new TreeEntry(file.Key, System.Text.Encoding.UTF8.GetString(file.Value)))]), cancellationToken)
            : null;
        var created = journal.Write("POST", "/repos/{owner}/{repo}/git/commits", owner, repo)
            ? await client.CreateCommitAsync(owner, repo, new CreateCommitRequest($"{plan.PullRequestTitle}\n\nAdds {plan.TeamFilePath} and the artifacts compiled from it (issue #{issueNumber}).", tree!.Sha, [baseline.Head]), cancellationToken)
            : null;
        if (existing is null)
        {
            try
            {
                if (journal.Write("POST", "/repos/{owner}/{repo}/git/refs", owner, repo))
                {
                    await client.CreateBranchRefAsync(owner, repo, plan.Branch, created!.Sha, cancellationToken);
                }

                steps.Add($"branch: created {plan.Branch} with one commit on {baseline.Branch}");
                return BranchState.Created;
            }
            catch (GitHubApiException e) when (e.Reason == GitHubErrorReason.AlreadyExists)
            {
                // Another run created it between the read and now: fall through and move it.
            }
        }

        await MoveOwnBranchAsync(plan.Branch, created?.Sha, cancellationToken);
        steps.Add($"branch: rebuilt {plan.Branch} as one commit on the current {baseline.Branch}");
        return BranchState.Moved;
    }

    /// <summary>
    /// Force is safe here and only here: onboarding/&lt;team&gt; belongs to this flow, and its one commit is
    /// derived entirely from the approved issue and the default branch. Rebuilding it on a newer base is not a
    /// fast-forward, and what it drops is the stale commit this run replaces.
    /// </summary>
    private async Task MoveOwnBranchAsync(string branch, string? sha, CancellationToken cancellationToken)
    {
        if (!branch.StartsWith(OnboardingPlan.BranchPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to force-move {branch}: only {OnboardingPlan.BranchPrefix} branches belong to the onboarding flow");
        }

        if (journal.Write("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", owner, repo, $"heads/{branch}"))
        {
            await client.ForceBranchRefAsync(owner, repo, branch, sha!, cancellationToken);
        }
    }

    private static bool Holds(IReadOnlyDictionary<string, string> tree, SortedDictionary<string, byte[]> files) =>
        files.All(file => tree.TryGetValue(file.Key, out var sha) && sha == GitBlobSha.Of(file.Value));

    private async Task<PullRequest?> EnsurePullRequestAsync(OnboardingPlan plan, BranchFiles baseline, BranchState branch, CancellationToken cancellationToken)
    {
        // A branch created in this run can have no pull request yet; otherwise look before opening one.
        if (branch != BranchState.Created)
        {
            var found = await FindPullRequestAsync(plan, cancellationToken);
            if (found is not null)
            {
                return await UpdatePullRequestAsync(found, plan, cancellationToken);
            }
        }

        if (!journal.Write("POST", "/repos/{owner}/{repo}/pulls", owner, repo))
        {
            return null;
        }

        try
        {
            var created = await client.CreatePullRequestAsync(owner, repo, new CreatePullRequestRequest(plan.PullRequestTitle, plan.Branch, baseline.Branch, plan.PullRequestBody), cancellationToken);
            steps.Add($"pull request: opened #{created.Number}");
            return created;
        }
        catch (GitHubApiException e) when (e.Reason == GitHubErrorReason.PullRequestExists)
        {
            var found = await FindPullRequestAsync(plan, cancellationToken);
            if (found is null)
            {
                throw;
            }

            return await UpdatePullRequestAsync(found, plan, cancellationToken);
        }
    }

    private async Task<PullRequest?> FindPullRequestAsync(OnboardingPlan plan, CancellationToken cancellationToken)
    {
        journal.Read("/repos/{owner}/{repo}/pulls", owner, repo);
        return await client.FindOpenPullRequestAsync(owner, repo, owner, plan.Branch, cancellationToken);
    }

    private async Task<PullRequest> UpdatePullRequestAsync(PullRequest found, OnboardingPlan plan, CancellationToken cancellationToken)
    {
        if (found.Title == plan.PullRequestTitle && NormalisedBody(found.Body) == NormalisedBody(plan.PullRequestBody))
        {
            steps.Add($"pull request: #{found.Number} is up to date");
            return found;
        }

        if (journal.Write("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}", owner, repo, found.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            found = await client.UpdatePullRequestAsync(owner, repo, found.Number, new UpdatePullRequestRequest(plan.PullRequestTitle, plan.PullRequestBody), cancellationToken);
        }

        steps.Add($"pull request: updated #{found.Number}");
        return found;
    }

    // GitHub stores bodies edited in its web UI with CRLF: that alone is no difference.
    private static string NormalisedBody(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    private async Task<OnboardingOutcome> RepositoryMissingAsync(OnboardingPlan plan, CancellationToken cancellationToken)
    {
        var label = input.Form.Fields.FirstOrDefault(field => field.Id == OnboardingFormFields.Repository)?.Label.Trim() ?? OnboardingFormFields.Repository;
        var problem = new IssueFormProblem("ONBOARD002", label,
            $"names {plan.Repository.WebUrl}, which does not exist or which the onboarding app cannot see",
            "create the repository first (or give the app access to it), or name a new repository in the organization to have one created")
        {
            FieldId = OnboardingFormFields.Repository,
        };
        await UpsertCommentAsync(IssueFormProblemMarkdown.Render([problem], IssueCommentText.Marker), cancellationToken);
        await SetOutcomeLabelAsync(InvalidLabel, cancellationToken);
        return new OnboardingOutcome(OnboardingStatus.Invalid, $"the repository {plan.Repository.WebUrl} does not exist; the issue says so, nothing was created")
        {
            Team = plan.Team,
            Problems = [problem],
        };
    }

    private async Task UpsertCommentAsync(string body, CancellationToken cancellationToken)
    {
        var number = issueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        journal.Read("/repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, number);
        var comments = await client.ListIssueCommentsAsync(owner, repo, issueNumber, cancellationToken);
        var ours = comments.Where(comment => comment.Body?.StartsWith(IssueCommentText.HiddenMarker, StringComparison.Ordinal) == true).ToList();

        // Anyone can paste the marker into a comment; one written by an app is ours.
        var sticky = ours.FirstOrDefault(comment => comment.User?.Login.EndsWith("[bot]", StringComparison.Ordinal) == true) ?? ours.FirstOrDefault();
        if (sticky is null)
        {
            if (journal.Write("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", owner, repo, number))
            {
                await client.CreateIssueCommentAsync(owner, repo, issueNumber, body, cancellationToken);
            }

            steps.Add("comment: added");
        }
        else if (NormalisedBody(sticky.Body) != NormalisedBody(body))
        {
            if (journal.Write("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}", owner, repo, sticky.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                await client.UpdateIssueCommentAsync(owner, repo, sticky.Id, body, cancellationToken);
            }

            steps.Add("comment: updated");
        }
        else
        {
            steps.Add("comment: up to date");
        }
    }

    private async Task SetOutcomeLabelAsync(string outcome, CancellationToken cancellationToken)
    {
        if (!labels.Contains(outcome))
        {
            if (journal.Write("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels", owner, repo, issueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                await client.AddLabelsAsync(owner, repo, issueNumber, [outcome], cancellationToken);
            }

            labels.Add(outcome);
        }

        foreach (var stale in OutcomeLabels.Where(label => label != outcome && labels.Contains(label)))
        {
            await RemoveLabelAsync(stale, cancellationToken);
        }
    }

    private async Task RemoveLabelAsync(string label, CancellationToken cancellationToken)
    {
        if (journal.Write("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", owner, repo, issueNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), label))
        {
            await client.RemoveLabelAsync(owner, repo, issueNumber, label, cancellationToken);
        }

        labels.Remove(label);
    }

    /// <summary>Best effort: GitHub may be what failed, and then the log is the only report.</summary>
    private async Task ReportFailureAsync(string step, string error, string approvalLabel, CancellationToken cancellationToken)
    {
        try
        {
            await UpsertCommentAsync(IssueCommentText.Failed(step, error, approvalLabel), cancellationToken);
            await SetOutcomeLabelAsync(FailedLabel, cancellationToken);
        }
        catch (GitHubApiException e)
        {
            steps.Add($"could not report the failure on the issue: {e.Message}");
        }
    }

    private enum BranchState
    {
        OnDefaultBranch,
        Unchanged,
        Created,
        Moved,
    }
}
