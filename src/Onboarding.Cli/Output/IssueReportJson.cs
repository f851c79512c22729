namespace Onboarding.Cli.Output;

/// <summary>The --json form of <c>onboard issue --body</c> (<c>--dry-run</c> or <c>--local</c>): the plan, what was committed, or the problems.</summary>
internal static class IssueReportJson
{
    /// <param name="bodyPath">The issue body file, named in each problem.</param>
    /// <param name="local">What <c>--local</c> did; null for a dry run or a refused request.</param>
    public static string Render(OnboardingRequest request, OnboardingPlan? plan, LocalOnboardingResult? local, bool dryRun, string bodyPath) =>
        JsonReport.Render(w =>
        {
            var ok = plan is not null && local?.Refusal is null && local?.Compile is not { HasErrors: true };
            w.WriteStartObject();
            w.WriteString("command", "issue");
            w.WriteBoolean("ok", ok);
            w.WriteBoolean("dry_run", dryRun);
            w.WriteString("status", plan is null ? "invalid" : !ok ? "refused" : dryRun ? "planned" : local?.Commit is null ? "unchanged" : "committed");
            if (plan is not null)
            {
                w.WriteString("team", plan.Team);
                w.WriteString("team_file", plan.TeamFilePath);
                w.WriteString("branch", plan.Branch);
                if (local is not null)
                {
                    w.WriteString("commit", local.Commit);
                    w.WriteStringOrNull("refusal", local.Refusal);
                }

                w.WriteStartObject("repository");
                w.WriteString("owner", plan.Repository.Owner);
                w.WriteString("name", plan.Repository.Name);
                w.WriteString("url", plan.Repository.WebUrl);
                w.WriteString("source", plan.Repository.Source.ToString().ToLowerInvariant());
                w.WriteStringOrNull("template", plan.Repository.Template);
                w.WriteString("visibility", plan.Repository.Visibility);
                w.WriteEndObject();
                w.WriteStartObject("access");
                w.WriteString("org", plan.Access.Org);
                w.WriteString("team", plan.Access.TeamSlug);
                w.WriteString("permission", plan.Access.Permission);
                w.WriteStringOrNull("repository", plan.Access.Repository);
                w.WriteEndObject();
                w.WriteStartObject("pull_request");
                w.WriteString("title", plan.PullRequestTitle);
                w.WriteString("body", plan.PullRequestBody);
                w.WriteEndObject();
                WriteEnvironments(w, plan.Environments);
            }

            ProblemsJson.Write(w, bodyPath, request.Problems);
            DiagnosticsJson.Write(w, request.PlatformDiagnostics.Concat(local?.Compile?.Diagnostics ?? []));
            w.WriteEndObject();
        });

    private static void WriteEnvironments(Utf8JsonWriter w, IReadOnlyList<EnvironmentSummary> environments) =>
        w.WriteObjects("environments", environments, static (w, environment) =>
        {
            w.WriteString("name", environment.Name);
            w.WriteNumber("bundles", environment.Bundles);
            w.WriteStrings("added", environment.Diff.Added);
            w.WriteStrings("removed", environment.Diff.Removed);
            w.WriteStrings("changed", environment.Diff.Changed.Select(c => c.Name));
        });
}
