using Onboarding.Cli.Tests.Utils;
using Onboarding.Testing;
using Xunit.Abstractions;

namespace Onboarding.Cli.Tests;

/// <summary><c>onboard issue --event</c> against a fake GitHub: a fresh onboarding, its re-run, and --dry-run.</summary>
public sealed class IssueEventFlowSpecs(ITestOutputHelper output)
{
    private const string Team = "ingest";
    private const string Repo = "airflow-ingest";
    private const string Branch = "onboarding/ingest";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_fresh_onboarding_creates_the_repository_the_access_one_commit_one_pull_request_and_one_comment(bool seeded)
    {
        await using var world = await OnboardingWorld.CreateAsync(seeded);
        var issue = world.AddIssue(Team, "ingest-eng", Repo);
        var mainBefore = world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, "main");

        var result = world.Run(world.WriteEvent(issue));

        output.WriteLine(world.Server.Requests.Table());
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        // 20, and the owners' team is looked up once before the repository is created.
        Assert.True(world.Server.Requests.All.Count <= 21, world.Server.Requests.Table());

        var repoFiles = world.State.FilesAt(OnboardingWorld.Org, Repo, "main");
        if (seeded)
        {
            Assert.Equal(
                ["", ".github/workflows/ci.yml", ".github/workflows/pipelines.yml", ".onboard/pipeline.schema.json", ".onboard/platform.yaml", "CODEOWNERS", "README.md",
                    "dags/example_dag.py", "dags/manifest.json", "dags/orders_daily.py", "dags/orders_report.py", "pipelines/orders_daily.yaml", "pipelines/orders_report.yaml",
                    "scripts/export.sh", "sql/orders_daily.sql", "sql/orders_report.sql"],
                ["", .. repoFiles.Keys.Order(StringComparer.Ordinal)]);
            Assert.Contains("team: \"ingest\"", repoFiles[".onboard/platform.yaml"], StringComparison.Ordinal);
            Assert.Contains("dag_id=\"ingest__orders_daily\"", repoFiles["dags/orders_daily.py"], StringComparison.Ordinal);
            Assert.Contains("* @acme-data/ingest-eng", repoFiles["CODEOWNERS"], StringComparison.Ordinal);
            Assert.Contains("# airflow-ingest", repoFiles["README.md"], StringComparison.Ordinal);
            Assert.Contains("`acme-data/platform`", repoFiles["README.md"], StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\{\{\s*(team|github_team|org|platform_repo|repo)\s*\}\}", string.Concat(repoFiles.Values));
            Assert.Contains("${{ github.ref }}", repoFiles[".github/workflows/ci.yml"], StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("print('hello')\n", repoFiles["dags/example_dag.py"]);
            Assert.Same(world.State.FindRepository(OnboardingWorld.Org, OnboardingWorld.TemplateRepo), world.State.FindRepository(OnboardingWorld.Org, Repo)!.TemplateRepository);
        }

        Assert.Equal("push", world.State.FindTeam(OnboardingWorld.Org, "ingest-eng")!.RepositoryPermissions[$"{OnboardingWorld.Org}/{Repo}"]);
        AssertOneCommitOnMain(world, mainBefore!);
        AssertArtifactsEqualALocalCompile(world);

        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Equal("Onboard team ingest", pull.Title);
        Assert.Equal(Branch, pull.Pull!.HeadRef);
        Assert.Contains($"Closes #{issue.Number}", pull.Body, StringComparison.Ordinal);
        Assert.Contains("| `dev` |", pull.Body, StringComparison.Ordinal);
        Assert.Contains("`ingest`", pull.Body, StringComparison.Ordinal);

        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.StartsWith("<!-- onboard:issue -->", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"https://github.com/{OnboardingWorld.Org}/{Repo}", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"#{pull.Number} ", comment.Body, StringComparison.Ordinal);
        Assert.Contains("onboarding-done", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);

        var outputs = world.ReadRunnerFile(world.OutputFile);
        Assert.Contains("team=ingest\n", outputs, StringComparison.Ordinal);
        Assert.Contains($"repo-url=https://github.com/{OnboardingWorld.Org}/{Repo}\n", outputs, StringComparison.Ordinal);
        Assert.Contains($"pr-number={pull.Number}\n", outputs, StringComparison.Ordinal);
        Assert.Contains("pr-url=http", outputs, StringComparison.Ordinal);
        Assert.Contains("## Onboarding issue #", world.ReadRunnerFile(world.SummaryFile), StringComparison.Ordinal);
        world.Server.AssertConformsToOpenApi();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_same_event_again_sends_no_mutating_request(bool seeded)
    {
        await using var world = await OnboardingWorld.CreateAsync(seeded);
        var issue = world.AddIssue(Team, "ingest-eng", Repo);
        var eventPath = world.WriteEvent(issue);
        Assert.Equal(0, world.Run(eventPath).ExitCode);
        var writes = world.Server.Requests.MutatingCount;
        var reads = world.Server.Requests.All.Count;

        var again = world.Run(eventPath);

        output.WriteLine(again.Out);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        Assert.True(world.Server.Requests.All.Count - reads <= 15, world.Server.Requests.Table());
        Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task Dry_run_lists_the_calls_and_files_and_changes_nothing()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue(Team, "ingest-eng", Repo);

        var result = world.Run(world.WriteEvent(issue), "--dry-run");

        output.WriteLine(result.Out);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(0, world.Server.Requests.MutatingCount);
        Assert.Null(world.State.FindRepository(OnboardingWorld.Org, Repo));
        var lines = result.Out.Split('\n').Select(line => line.Trim()).ToList();
        string[] planned =
        [
            "POST /repos/acme-data/airflow-team-template/generate   (not sent)",
            "PUT /orgs/acme-data/teams/ingest-eng/repos/acme-data/airflow-ingest   (not sent)",
            "POST /repos/acme-data/platform/git/trees   (not sent)",
            "POST /repos/acme-data/platform/git/commits   (not sent)",
            "POST /repos/acme-data/platform/git/refs   (not sent)",
            "POST /repos/acme-data/platform/pulls   (not sent)",
            "POST /repos/acme-data/platform/issues/1/comments   (not sent)",
            "POST /repos/acme-data/platform/issues/1/labels   (not sent)",
        ];
        Assert.Equal(planned, lines.Where(line => line.EndsWith("(not sent)", StringComparison.Ordinal)));
        Assert.Contains("GET /repos/acme-data/platform/collaborators/maria/permission", lines);
        Assert.Contains("teams/ingest.yaml", lines);
        Assert.Contains("generated/dev/dag_bundle_config.json", lines);
        Assert.Contains("generated/manifest.json", lines);
        world.Server.AssertConformsToOpenApi();
    }

    [Fact]
    public async Task A_repository_outside_the_org_is_not_created_and_the_comment_says_so()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        world.State.AddRepository("acme-shared", "ingest-dags", new Dictionary<string, string> { ["dags/a.py"] = "x = 1\n" });
        var issue = world.AddIssue(Team, "ingest-eng", "https://github.com/acme-shared/ingest-dags");
        var repositories = world.State.Repositories.Count;

        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(repositories, world.State.Repositories.Count);
        Assert.Equal(0, world.Server.Requests.Count("PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"));
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains("https://github.com/acme-shared/ingest-dags (an existing repository outside `acme-data`; not created", comment.Body, StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme-shared/ingest-dags.git", world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, Branch)["generated/prod/dag_bundle_config.json"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_url_that_does_not_exist_is_a_problem_on_the_issue()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue(Team, "ingest-eng", "https://github.com/acme-shared/missing");

        var result = world.Run(world.WriteEvent(issue));

        Assert.Equal(1, result.ExitCode);
        Assert.Null(world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, Branch));
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains("**Repository** names `https://github.com/acme-shared/missing`, which does not exist", comment.Body, StringComparison.Ordinal);
        Assert.Contains("onboarding-invalid", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);
    }

    [Fact]
    public async Task An_invalid_request_gets_one_comment_listing_every_problem_and_nothing_else()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue("Payments!", "ingest-eng", "http://github.com/acme-data/x");

        var first = world.Run(world.WriteEvent(issue));
        var writes = world.Server.Requests.MutatingCount;
        var second = world.Run(world.WriteEvent(issue));

        Assert.Equal(1, first.ExitCode);
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.Contains("**Team name**", comment.Body, StringComparison.Ordinal);
        Assert.Contains("**Repository**", comment.Body, StringComparison.Ordinal);
        Assert.Contains("onboarding-invalid", world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels);
        Assert.Null(world.State.FindRepository(OnboardingWorld.Org, "x"));
        Assert.Empty(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        Assert.Contains("Team name", first.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_fixed_after_a_problem_comment_is_onboarded_and_the_comment_and_labels_follow()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue(Team, "ingest-eng", "http://github.com/acme-data/x");
        Assert.Equal(1, world.Run(world.WriteEvent(issue)).ExitCode);
        Assert.Contains("**Repository**", Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body, StringComparison.Ordinal);

        // The author edits the body, a maintainer reviews it and applies the label again.
        issue.Body = OnboardingWorld.IssueBody(Team, "ingest-eng", Repo);
        var result = world.Run(world.WriteEvent(issue));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var comment = Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number));
        Assert.DoesNotContain("**Repository**", comment.Body, StringComparison.Ordinal);
        Assert.Contains("Onboarding of team `ingest`", comment.Body, StringComparison.Ordinal);
        var labels = world.State.Issue(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number).Labels;
        Assert.Contains("onboarding-done", labels);
        Assert.DoesNotContain("onboarding-invalid", labels);
        Assert.Equal(1, world.Server.Requests.Count("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"));
    }

    [Fact]
    public async Task An_internal_repository_is_generated_private_then_made_internal_once()
    {
        await using var world = await OnboardingWorld.CreateAsync(editConfig: text => text.Replace("visibility: private", "visibility: internal", StringComparison.Ordinal));
        var issue = world.AddIssue(Team, "ingest-eng", Repo);
        var eventPath = world.WriteEvent(issue);

        Assert.Equal(0, world.Run(eventPath).ExitCode);
        var writes = world.Server.Requests.MutatingCount;
        Assert.Equal(0, world.Run(eventPath).ExitCode);

        Assert.Equal("internal", world.State.FindRepository(OnboardingWorld.Org, Repo)!.Visibility);
        Assert.Equal(1, world.Server.Requests.Count("PATCH /repos/{owner}/{repo}"));
        Assert.Equal(writes, world.Server.Requests.MutatingCount);
    }

    [Fact]
    public async Task A_pull_request_edited_by_hand_is_put_back_with_one_update()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue(Team, "ingest-eng", Repo);
        var eventPath = world.WriteEvent(issue);
        Assert.Equal(0, world.Run(eventPath).ExitCode);
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        var body = pull.Body;
        pull.Title = "WIP";
        pull.Body = "edited";

        Assert.Equal(0, world.Run(eventPath).ExitCode);

        Assert.Equal("Onboard team ingest", pull.Title);
        Assert.Equal(body, pull.Body);
        Assert.Equal(1, world.Server.Requests.Count("PATCH /repos/{owner}/{repo}/pulls/{pull_number}"));
        Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
    }

    [Fact]
    public async Task After_the_pull_request_is_merged_a_rerun_opens_nothing_and_says_the_team_is_on_main()
    {
        await using var world = await OnboardingWorld.CreateAsync();
        var issue = world.AddIssue(Team, "ingest-eng", Repo);
        var eventPath = world.WriteEvent(issue);
        Assert.Equal(0, world.Run(eventPath).ExitCode);
        var pull = Assert.Single(world.State.PullRequests(OnboardingWorld.Org, OnboardingWorld.Platform));
        lock (world.State.Sync)
        {
            world.State.FindRepository(OnboardingWorld.Org, OnboardingWorld.Platform)!.Refs["refs/heads/main"] = world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, Branch)!;
            pull.State = "closed";
        }

        var result = world.Run(eventPath);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(1, world.Server.Requests.Count("POST /repos/{owner}/{repo}/pulls"));
        Assert.Contains("already on `main`; no pull request is needed", Assert.Single(world.State.Comments(OnboardingWorld.Org, OnboardingWorld.Platform, issue.Number)).Body, StringComparison.Ordinal);
    }

    internal static void AssertOneCommitOnMain(OnboardingWorld world, string main) => AssertOneCommitOnMainAt(world, Branch, main);

    internal static void AssertOneCommitOnMainAt(OnboardingWorld world, string branch, string main)
    {
        var head = world.State.BranchSha(OnboardingWorld.Org, OnboardingWorld.Platform, branch);
        Assert.NotNull(head);
        var repository = world.State.FindRepository(OnboardingWorld.Org, OnboardingWorld.Platform)!;
        Assert.True(repository.Objects.TryGetCommit(head, out var commit));
        Assert.Equal([main], commit.Parents);
    }

    /// <summary>The branch's team file and generated/ are byte for byte what <c>onboard compile</c> makes of the checkout plus that team file.</summary>
    internal static void AssertArtifactsEqualALocalCompile(OnboardingWorld world, string branch = Branch, string team = Team)
    {
        var onBranch = world.State.FilesAt(OnboardingWorld.Org, OnboardingWorld.Platform, branch);
        using var local = new TempDirectory("onboard-compile");
        RepositoryLayout.CopyFolder(world.Checkout.Path, local.Path);
        local.Write($"teams/{team}.yaml", onBranch[$"teams/{team}.yaml"]);
        var compile = CliRun.InProcess(local.Path, "compile");
        Assert.True(compile.ExitCode == 0, compile.Error);

        var generated = Directory.EnumerateFiles(local.File("generated"), "*", SearchOption.AllDirectories)
            .ToDictionary(file => Path.GetRelativePath(local.Path, file).Replace('\\', '/'), File.ReadAllText);
        Assert.NotEmpty(generated);
        foreach (var (path, text) in generated)
        {
            Assert.True(onBranch.TryGetValue(path, out var committed), $"{path} is not on {branch}");
            Assert.Equal(text, committed);
        }

        Assert.Equal(generated.Keys.Order(), onBranch.Keys.Where(path => path.StartsWith("generated/", StringComparison.Ordinal)).Order());
    }
}
