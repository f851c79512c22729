using Onboarding.Core.Compilation;
using Onboarding.Core.IssueForms;
using Onboarding.Core.Onboarding;
using Onboarding.Core.Sources;
using Onboarding.Git.Local;
using Onboarding.Git.Processes;
using Onboarding.Testing;

namespace Onboarding.Git.Tests.Local;

/// <summary>The local onboarding commits with real git, refuses a checkout it would mix changes into, and reports git failures.</summary>
public class LocalOnboardingSpecs
{
    private static TempGitRepository ExampleClone()
    {
        var repo = new TempGitRepository("onboard-local");
        RepositoryLayout.CopyExamplePlatform(repo.Path);
        File.Delete(repo.Directory.File("teams/payments.yaml"));
        Assert.False(Bounded.Compile(repo.Path, CompileMode.Write).HasErrors);
        repo.CommitAll("Example platform");
        return repo;
    }

    private static OnboardingRequest Prepare(TempGitRepository repo, string? body = null) => Prepare(repo.Path, body);

    private static OnboardingRequest Prepare(string root, string? body = null)
    {
        var form = IssueFormTemplate.Load(Path.Combine(root, OnboardingFormFields.TemplatePath));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var request = IssueOnboarding.PrepareAsync(new DiskSource(root), form, body ?? File.ReadAllText(RepositoryLayout.PathOf("examples/issues/valid.md")), timeout.Token).GetAwaiter().GetResult();
        Assert.True(request.IsValid, string.Join("\n", request.Problems));
        return request;
    }

    private static Task<LocalOnboardingResult> RunAsync(TempGitRepository repo, OnboardingRequest request, IReadOnlyDictionary<string, string>? environment = null) =>
        LocalOnboarding.RunAsync(repo.Path, request.Config!, request.Validation!, request.Team!.Name, environment ?? TempGitRepository.IsolatedEnvironment, CancellationToken.None);

    [Fact]
    public async Task Without_a_configured_identity_the_commit_is_authored_by_onboard()
    {
        using var repo = ExampleClone();
        repo.Git("config", "--unset", "user.name");
        repo.Git("config", "--unset", "user.email");

        var result = await RunAsync(repo, Prepare(repo));

        Assert.Null(result.Refusal);
        Assert.Equal("onboard <onboard@localhost>", repo.Git("log", "-1", "--format=%an <%ae>", "onboarding/payments").Trim());
    }

    [Fact]
    public async Task A_configured_identity_is_kept()
    {
        using var repo = ExampleClone();

        await RunAsync(repo, Prepare(repo));

        Assert.Equal("Platform Tester <tester@example.com>", repo.Git("log", "-1", "--format=%an <%ae>", "onboarding/payments").Trim());
    }

    [Fact]
    public async Task Uncommitted_changes_to_team_files_are_refused_and_nothing_is_done()
    {
        using var repo = ExampleClone();
        File.AppendAllText(repo.Directory.File("teams/analytics.yaml"), "# local edit\n");

        var result = await RunAsync(repo, Prepare(repo));

        Assert.Contains("teams/analytics.yaml", result.Refusal, StringComparison.Ordinal);
        Assert.Contains("commit or stash", result.Refusal, StringComparison.Ordinal);
        Assert.False(repo.BranchExists("onboarding/payments"));
        Assert.False(File.Exists(repo.Directory.File("teams/payments.yaml")));
        Assert.Equal(" M teams/analytics.yaml\n", repo.Status());
    }

    [Fact]
    public async Task Uncommitted_changes_elsewhere_go_along_untouched_and_stay_out_of_the_commit()
    {
        using var repo = ExampleClone();
        File.AppendAllText(repo.Directory.File("schemas/team.schema.json"), "\n");
        repo.Git("add", "schemas/team.schema.json");

        var result = await RunAsync(repo, Prepare(repo));

        Assert.NotNull(result.Commit);
        Assert.DoesNotContain("schemas/team.schema.json", repo.ChangedFiles(result.Commit!));
        Assert.Equal("M  schemas/team.schema.json\n", repo.Status());
        Assert.Equal("main", repo.CurrentBranch);
    }

    [Fact]
    public async Task A_folder_that_is_not_a_git_checkout_is_refused()
    {
        using var platform = new TempDirectory("onboard-request");
        RepositoryLayout.CopyExamplePlatform(platform.Path);
        File.Delete(platform.File("teams/payments.yaml"));
        var request = Prepare(platform.Path);

        var result = await LocalOnboarding.RunAsync(platform.Path, request.Config!, request.Validation!, "payments",
            new Dictionary<string, string>(TempGitRepository.IsolatedEnvironment) { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(platform.Path)! }, CancellationToken.None);

        Assert.Contains("not in a git working tree", result.Refusal, StringComparison.Ordinal);
        Assert.False(File.Exists(platform.File("teams/payments.yaml")));
    }

    [Fact]
    public async Task A_failing_git_command_carries_its_exit_code_and_stderr()
    {
        using var repo = ExampleClone();
        var git = new GitRunner(repo.Path, TempGitRepository.IsolatedEnvironment);

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.RunAsync(["switch", "--quiet", "no-such-branch"], CancellationToken.None));

        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("no-such-branch", error.StandardError, StringComparison.Ordinal);
        Assert.Contains("git switch --quiet no-such-branch failed with exit code", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\"; touch /tmp/pwned; echo \"")]
    [InlineData("$(touch /tmp/pwned2)")]
    [InlineData("`id`")]
    public async Task Git_arguments_reach_git_verbatim_and_no_shell_runs_them(string text)
    {
        using var repo = ExampleClone();
        var git = new GitRunner(repo.Path, TempGitRepository.IsolatedEnvironment);

        await git.RunAsync(["commit", "--quiet", "--allow-empty", "-m", text], CancellationToken.None);

        Assert.Equal(text, repo.Git("log", "-1", "--format=%B").TrimEnd('\n'));
        Assert.False(File.Exists("/tmp/pwned"));
        Assert.False(File.Exists("/tmp/pwned2"));
    }

    [Fact]
    public async Task A_large_output_on_both_pipes_does_not_hang_git()
    {
        using var repo = ExampleClone();
        var big = string.Concat(Enumerable.Repeat("0123456789abcdef\n", 32 * 1024));
        repo.Directory.Write("big.txt", big);
        repo.CommitAll("A file larger than a pipe buffer");
        var git = new GitRunner(repo.Path, TempGitRepository.IsolatedEnvironment) { Timeout = TimeSpan.FromSeconds(60) };

        var result = await git.TryRunAsync(["show", "HEAD:big.txt"], CancellationToken.None);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal(big, result.StandardOutput);
    }
}
