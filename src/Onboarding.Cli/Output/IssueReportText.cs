namespace Onboarding.Cli.Output;

/// <summary>What <c>onboard issue --local</c> did, or <c>--dry-run</c> would do, and what the GitHub flow adds on top.</summary>
internal static class IssueReportText
{
    public static string DryRun(OnboardingPlan plan, TeamValidation validation)
    {
        var text = new StringBuilder();
        text.Append("dry run: nothing was written\n");
        text.Append("would write ").Append(plan.TeamFilePath).Append(validation.AlreadyCommitted ? " (already present with this content)\n" : "\n");
        text.Append("would regenerate the artifacts:\n");
        Environments(text, plan.Environments);
        text.Append("would commit them as one commit on branch ").Append(plan.Branch).Append('\n');
        GitHub(text, plan, "on GitHub it would");
        return text.ToString().TrimEnd('\n');
    }

    public static string Local(OnboardingPlan plan, LocalOnboardingResult local)
    {
        var text = new StringBuilder();
        var branch = local.Branch + (local.BranchCreated ? " (created from the current commit)" : " (existing branch)");
        if (local.AlreadyOnBase)
        {
            text.Append("nothing to do: ").Append(local.OriginalBranch).Append(" already holds ").Append(plan.TeamFilePath)
                .Append(" and its artifacts; no branch was created\n");
        }
        else if (local.Commit is { } commit)
        {
            text.Append("wrote ").Append(plan.TeamFilePath).Append(" and the regenerated artifacts, committed ")
                .Append(commit[..Math.Min(12, commit.Length)]).Append(" \"").Append(plan.PullRequestTitle).Append("\" on branch ").Append(branch).Append('\n');
        }
        else
        {
            text.Append("no new commit: branch ").Append(branch).Append(" already holds ").Append(plan.TeamFilePath).Append(" and its artifacts\n");
        }

        text.Append("the branch changes, per environment:\n");
        Environments(text, plan.Environments);
        text.Append("checked out ").Append(local.OriginalBranch).Append(" again\n");
        GitHub(text, plan, "not done (--local); on GitHub it would");
        return text.ToString().TrimEnd('\n');
    }

    private static void Environments(StringBuilder text, IReadOnlyList<EnvironmentSummary> environments)
    {
        var width = environments.Count == 0 ? 0 : environments.Max(e => e.Name.Length);
        foreach (var environment in environments)
        {
            text.Append("  ").Append(environment.Name.PadRight(width)).Append("  ").Append(CompileReportText.DiffSummary(environment.Diff)).Append('\n');
            foreach (var line in CompileReportText.DiffLines(environment.Diff))
            {
                text.Append("      ").Append(line).Append('\n');
            }
        }
    }

    private static void GitHub(StringBuilder text, OnboardingPlan plan, string heading)
    {
        var repo = plan.Repository;
        text.Append(heading).Append(":\n");
        text.Append(repo.Source switch
        {
            RepositorySource.Template => $"  create repository {repo.WebUrl} ({repo.Visibility}) from template {repo.Template}, unless it exists\n",
            RepositorySource.Seeded => $"  create repository {repo.WebUrl} ({repo.Visibility}) seeded from templates/team-repo/, unless it exists\n",
            _ => $"  use the existing repository {repo.WebUrl} (not created)\n",
        });
        text.Append(plan.Access.Repository is { } target
            ? $"  give team {plan.Access.Org}/{plan.Access.TeamSlug} write access ({plan.Access.Permission}) to {target}\n"
            : $"  grant no access: {repo.Owner}/{repo.Name} is outside {plan.Access.Org}, its owners manage it\n");
        text.Append("  push branch ").Append(plan.Branch).Append(" and open the pull request \"").Append(plan.PullRequestTitle).Append("\":\n");
        foreach (var line in plan.PullRequestBody.TrimEnd('\n').Split('\n'))
        {
            text.Append("    | ").Append(line).Append('\n');
        }
    }
}
