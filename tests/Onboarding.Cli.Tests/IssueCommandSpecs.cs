using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;

namespace Onboarding.Cli.Tests;

/// <summary>
/// <c>onboard issue --body BODY.md --local</c> and <c>--dry-run</c> end to end: the real command line on a git clone
/// of the example platform (without its payments team, which examples/issues/valid.md asks for).
/// </summary>
public class IssueCommandSpecs
{
    private static readonly string ValidBody = RepositoryLayout.PathOf("examples/issues/valid.md");

    private static readonly string[] PaymentsCommitFiles =
    [
        "generated/README.md",
        "generated/dev/airflow.env", "generated/dev/configmap.yaml", "generated/dev/dag_bundle_config.json", "generated/dev/helm-values.yaml",
        "generated/manifest.json",
        "generated/prod/airflow.cfg", "generated/prod/airflow.env", "generated/prod/configmap.yaml", "generated/prod/dag_bundle_config.json",
        "generated/prod/helm-values.yaml",
        "generated/staging/airflow.env", "generated/staging/configmap.yaml", "generated/staging/dag_bundle_config.json",
        "teams/payments.yaml",
    ];

    private static TempGitRepository ExampleClone()
    {
        var repo = new TempGitRepository("onboard-issue");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        File.Delete(repo.Directory.File("teams/payments.yaml"));
        var compiled = CliRun.InProcess(repo.Path, "compile");
        Assert.True(compiled.ExitCode == 0, compiled.ToString());
        repo.CommitAll("Example platform");
        return repo;
    }

    [Fact]
    public void A_valid_issue_becomes_one_commit_on_the_onboarding_branch_with_the_team_file_and_fresh_artifacts()
    {
        using var repo = ExampleClone();
        var main = repo.Head;

        var run = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local", "--issue", "42");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("main", repo.CurrentBranch);
        Assert.Equal(main, repo.Head);
        Assert.Empty(repo.Status());
        Assert.Equal(main, repo.Git("rev-parse", "onboarding/payments~1").Trim());
        var commit = repo.Git("rev-parse", "onboarding/payments").Trim();
        Assert.Equal(PaymentsCommitFiles, repo.ChangedFiles(commit));
        Assert.Equal("Onboard team payments", repo.Git("log", "-1", "--format=%s", commit).Trim());
        Assert.Contains("name: payments\n", repo.Show(commit, "teams/payments.yaml"), StringComparison.Ordinal);

        // The committed artifacts are exactly what a fresh compile of the branch produces.
        repo.Git("switch", "--quiet", "onboarding/payments");
        var check = CliRun.InProcess(repo.Path, "compile", "--check");
        Assert.True(check.ExitCode == 0, check.ToString());

        Assert.Contains($"committed {commit[..12]}", run.Out, StringComparison.Ordinal);
        Assert.Contains("checked out main again", run.Out, StringComparison.Ordinal);
        Assert.Contains("create repository https://github.com/acme-data/airflow-payments (private) from template acme-data/airflow-team-template", run.Out, StringComparison.Ordinal);
        Assert.Contains("give team acme-data/payments-eng write access (push) to acme-data/airflow-payments", run.Out, StringComparison.Ordinal);
        Assert.Contains("open the pull request \"Onboard team payments\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Closes #42", run.Out, StringComparison.Ordinal);
        Assert.Contains("| | `staging` | 5 | `payments` | – | – |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_it_again_makes_no_new_commit()
    {
        using var repo = ExampleClone();
        Assert.Equal(0, CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local").ExitCode);
        var first = repo.Git("rev-parse", "onboarding/payments").Trim();

        var again = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(first, repo.Git("rev-parse", "onboarding/payments").Trim());
        Assert.Contains("no new commit: branch onboarding/payments (existing branch)", again.Out, StringComparison.Ordinal);
        Assert.Equal("main", repo.CurrentBranch);
        Assert.Empty(repo.Status());
    }

    [Fact]
    public void Once_the_onboarding_is_merged_the_same_issue_leaves_no_branch_behind()
    {
        using var repo = ExampleClone();
        Assert.Equal(0, CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local").ExitCode);
        repo.Git("merge", "--quiet", "--ff-only", "onboarding/payments");
        repo.Git("branch", "--quiet", "--delete", "onboarding/payments");
        var head = repo.Head;

        var run = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("nothing to do: main already holds teams/payments.yaml", run.Out, StringComparison.Ordinal);
        Assert.False(repo.BranchExists("onboarding/payments"));
        Assert.Equal(head, repo.Head);
        Assert.Empty(repo.Status());
    }

    [Fact]
    public void Under_actions_the_team_branch_and_commit_are_step_outputs()
    {
        using var repo = ExampleClone();
        using var runner = new TempDirectory("onboard-runner");
        var outputs = runner.Write("output.txt", string.Empty);

        var run = CliRun.InProcess(repo.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs }, "issue", "--body", ValidBody, "--local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var commit = repo.Git("rev-parse", "onboarding/payments").Trim();
        Assert.Equal($"team=payments\nbranch=onboarding/payments\ncommit={commit}\n", File.ReadAllText(outputs));
    }

    [Fact]
    public void A_changed_request_updates_the_existing_branch_with_one_more_commit()
    {
        using var repo = ExampleClone();
        Assert.Equal(0, CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local").ExitCode);
        repo.Directory.Write("changed.md", File.ReadAllText(ValidBody).Replace("dev, staging, prod", "dev, prod", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", "changed.md", "--local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, repo.CommitCount("onboarding/payments") - repo.CommitCount("main"));
        Assert.Contains("environments:", repo.Show("onboarding/payments", "teams/payments.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain("\"payments\"", repo.Show("onboarding/payments", "generated/staging/dag_bundle_config.json"), StringComparison.Ordinal);
        Assert.Equal("?? changed.md\n", repo.Status());
    }

    [Theory]
    [InlineData("examples/issues/invalid-values.md", new[] { "Team name", "GitHub team", "Environments" })]
    [InlineData("examples/issues/invalid-missing-fields.md", new[] { "Team name", "GitHub team", "Repository", "Environments", "Acknowledgement" })]
    public void An_invalid_issue_lists_every_problem_by_form_label_and_creates_no_branch_and_no_file(string body, string[] labels)
    {
        using var repo = ExampleClone();
        var head = repo.Head;

        var run = CliRun.InProcess(repo.Path, "issue", "--body", RepositoryLayout.PathOf(body), "--local");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("<!-- onboard:problems -->", run.Out, StringComparison.Ordinal);
        Assert.All(labels, label => Assert.Contains($"- **{label}** ", run.Out, StringComparison.Ordinal));
        Assert.All(labels, label => Assert.Contains($"field '{label}'", run.Error, StringComparison.Ordinal));
        Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
        Assert.False(repo.BranchExists("onboarding/payments"));
        Assert.Equal(head, repo.Head);
        Assert.Empty(repo.Status());
    }

    [Fact]
    public void A_path_traversal_team_name_is_refused_under_Team_name_and_nothing_appears_anywhere()
    {
        using var repo = ExampleClone();
        repo.Directory.Write("evil.md", File.ReadAllText(ValidBody).Replace("### Team name\n\npayments", "### Team name\n\n../../.github/workflows/evil", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", "evil.md", "--local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- **Team name** value '../../.github/workflows/evil' is not valid", run.Out, StringComparison.Ordinal);
        Assert.Equal("?? evil.md\n", repo.Status());
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(repo.Path, "../.github"))));
        Assert.Empty(repo.Git("branch", "--list", "onboarding/*"));
    }

    [Theory]
    [InlineData("a\"; touch /tmp/pwned; echo \"")]
    [InlineData("$(touch /tmp/pwned2)")]
    [InlineData("`id`")]
    public void Shell_syntax_in_answers_arrives_verbatim_in_the_commit_and_runs_nothing(string text)
    {
        using var repo = ExampleClone();
        repo.Directory.Write("body.md", File.ReadAllText(ValidBody).Replace("Settlement and reconciliation pipelines for the payments domain.", text, StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", "body.md", "--local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var teamFile = repo.Show("onboarding/payments", "teams/payments.yaml");
        Assert.Contains("description: " + (text.Contains('"', StringComparison.Ordinal) || text.StartsWith('`') || text.StartsWith('$')
            ? "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : text) + "\n", teamFile, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/pwned"));
        Assert.False(File.Exists("/tmp/pwned2"));
    }

    [Fact]
    public void Uncommitted_changes_to_generated_files_are_refused_without_touching_anything()
    {
        using var repo = ExampleClone();
        File.AppendAllText(repo.Directory.File("generated/dev/airflow.env"), "EXTRA=1\n");

        var run = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("uncommitted changes", run.Error, StringComparison.Ordinal);
        Assert.Contains("generated/dev/airflow.env", run.Error, StringComparison.Ordinal);
        Assert.False(repo.BranchExists("onboarding/payments"));
        Assert.Equal(" M generated/dev/airflow.env\n", repo.Status());
    }

    [Fact]
    public void A_failing_git_step_exits_3_with_gits_message_and_leaves_the_checkout_as_it_was()
    {
        using var repo = ExampleClone();
        var head = repo.Head;
        // Commits must be signed, and the signing program always fails: the commit step is where git stops.
        repo.Git("config", "commit.gpgsign", "true");
        repo.Git("config", "gpg.program", "false");

        var run = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--local");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("git commit", run.Error, StringComparison.Ordinal);
        Assert.Contains("failed with exit code", run.Error, StringComparison.Ordinal);
        Assert.Contains("gpg failed to sign", run.Error, StringComparison.Ordinal);
        Assert.Equal("main", repo.CurrentBranch);
        Assert.Equal(head, repo.Head);
        Assert.Empty(repo.Status());
        Assert.False(repo.BranchExists("onboarding/payments"));
    }

    [Fact]
    public void A_platform_without_the_issue_form_is_invalid_input_naming_the_form()
    {
        using var repo = ExampleClone();
        Directory.Delete(repo.Directory.File("templates/issue-forms"), recursive: true);

        var run = CliRun.InProcess(repo.Path, "issue", "--body", ValidBody, "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("templates/issue-forms/onboard-team.yml", run.Error, StringComparison.Ordinal);
        Assert.Contains("cannot read the issue form", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_actions_hostile_answers_print_no_workflow_command()
    {
        using var repo = ExampleClone();
        repo.Directory.Write("body.md", File.ReadAllText(ValidBody)
            .Replace("### Team name\n\npayments", "### Team name\n\n::add-mask::Onboarding", StringComparison.Ordinal)
            .Replace("\npayments-eng\n", "\n::error file=action.yml,line=1::fake\n", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "issue", "--body", "body.md", "--local");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.Out.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Error.Split('\n'), line => line.TrimStart().StartsWith("::", StringComparison.Ordinal));
        Assert.Contains("**Team name**", run.Out, StringComparison.Ordinal);
        Assert.Contains("**GitHub team**", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_prints_the_plan_and_writes_nothing()
    {
        using var repo = ExampleClone();

        var run = CliRun.InProcess(RepositoryLayout.Root, "issue", "--body", "examples/issues/valid.md", "--dry-run", "--issue", "7", "--root", repo.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("dry run: nothing was written\nwould write teams/payments.yaml\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Closes #7", run.Out, StringComparison.Ordinal);
        Assert.Contains("      + payments", run.Out, StringComparison.Ordinal);
        Assert.Empty(repo.Status());
        Assert.False(repo.BranchExists("onboarding/payments"));
    }

    [Fact]
    public void An_existing_repository_url_is_used_as_it_is_and_access_outside_the_org_is_not_granted()
    {
        using var repo = ExampleClone();
        repo.Directory.Write("body.md", File.ReadAllText(ValidBody).Replace("\nairflow-payments\n", "\nhttps://github.com/acme-shared/payments-dags\n", StringComparison.Ordinal));

        var run = CliRun.InProcess(repo.Path, "issue", "--body", "body.md", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("use the existing repository https://github.com/acme-shared/payments-dags (not created)", run.Out, StringComparison.Ordinal);
        Assert.Contains("grant no access: acme-shared/payments-dags is outside acme-data", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "issue", "--event", "event.json", "--body", "body.md" }, "not both")]
    [InlineData(new[] { "issue", "--event", "event.json", "--local" }, "--local works with --body")]
    [InlineData(new[] { "issue", "--event", "event.json" }, "GITHUB_TOKEN holds no token")]
    [InlineData(new[] { "issue", "--body", "body.md" }, "choose --local")]
    [InlineData(new[] { "issue", "--body", "body.md", "--local", "--dry-run" }, "choose --local")]
    [InlineData(new[] { "issue", "--local" }, "--body")]
    [InlineData(new[] { "issue", "--body", "no-such-body.md", "--local" }, "no such file: no-such-body.md")]
    [InlineData(new[] { "issue", "--body", "body.md", "--local", "--template", "no-such-form.yml" }, "no such file: no-such-form.yml")]
    public void Wrong_usage_exits_2_and_says_why(string[] args, string message)
    {
        using var repo = ExampleClone();
        repo.Directory.Write("body.md", File.ReadAllText(ValidBody));
        repo.Directory.Write("event.json", "{}");

        var run = CliRun.InProcess(repo.Path, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(repo.BranchExists("onboarding/payments"));
    }

    [Fact]
    public void A_checkout_that_is_not_a_git_repository_is_refused()
    {
        using var dir = new TempDirectory("onboard-nogit");
        RepositoryLayout.CopyExamplePlatform(dir.Path);
        File.Delete(dir.File("teams/payments.yaml"));
        Assert.Equal(0, CliRun.InProcess(dir.Path, "compile").ExitCode);
        var before = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Count();

        // The temp folder may itself sit inside some other checkout; the ceiling keeps git from looking above it.
        Environment.SetEnvironmentVariable("GIT_CEILING_DIRECTORIES", Path.GetDirectoryName(dir.Path));
        CliOutcome run;
        try
        {
            run = CliRun.InProcess(dir.Path, "issue", "--body", ValidBody, "--local");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GIT_CEILING_DIRECTORIES", null);
        }

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not in a git working tree", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Count());
    }
}
